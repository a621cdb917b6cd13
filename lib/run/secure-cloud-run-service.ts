import {
  CloudRunV2Service,
  CloudRunV2ServiceTemplateContainersEnv,
} from '@cdktf/provider-google/lib/cloud-run-v2-service';
import { CloudRunV2ServiceIamMember } from '@cdktf/provider-google/lib/cloud-run-v2-service-iam-member';
import { SecretManagerSecretIamMember } from '@cdktf/provider-google/lib/secret-manager-secret-iam-member';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AuditLogs } from '../core/audit-logs';
import { Grant } from '../core/grant';
import { IGrantable, IPrincipal } from '../core/principal';
import { constructScope } from '../core/private/construct-args';
import { registerCreated } from '../core/private/created-resources';
import { dependOnGrants } from '../core/private/depends-on';
import { bindIamMember } from '../core/private/iam-member';
import { createdAccountFor, serviceAccountEmail } from '../core/private/identity-registry';
import { validateLabels } from '../core/private/labels';
import { MemberPrincipal } from '../core/private/member-principal';
import { invalidProps, invalidValue } from '../core/private/messages';
import { requireApis } from '../core/private/required-apis';
import { checkArg, checkProps, grantable } from '../core/private/shape';
import { shortHash, stackRelativePath } from '../core/private/stable-id';
import { terraformLiteral } from '../core/private/terraform-text';
import {
  isUnresolved,
  validatePattern,
  validateProjectId,
  validateRegion,
  validateWholeNumber,
} from '../core/private/validate';
import { Roles } from '../core/roles';
import { IServiceIdentity, ServiceIdentity } from '../core/service-identity';
import { recordAcknowledgement } from '../rules/private/acknowledgements';
import {
  CloudRunBinaryAuthorization,
  CloudRunIngress,
  CloudRunServiceAttributes,
  GrantInvokeOptions,
  ICloudRunService,
  CloudRunVpcAccess,
  CloudRunVpcEgress,
  PublicAccess,
  SecretEnvironmentVariable,
} from './cloud-run-options';
import {
  validateEnvironment,
  validateImage,
  validateSecrets,
  validateServiceName,
} from './private/container-rules';
import { IapUserAccess } from './private/iap-access';
import { ImportedCloudRunService } from './private/imported-service';
import { InvokerNetworkPaths } from './private/network-path';
import { CLOUD_RUN_SERVICE_PROPS, GRANT_INVOKE_OPTIONS, MAX_REASON } from './private/props-shape';
import { registerRuntime } from './private/runtime-services';
import { allowRunServiceAgentToUseKey } from './private/service-agent-key-access';

/** Props of a {@link SecureCloudRunService}. */
export interface SecureCloudRunServiceProps {
  /** Project of the service. */
  readonly project: string;
  /** Region of the service, e.g. `europe-west1`. */
  readonly location: string;
  /** Name of the service: 1-49 characters of a-z, 0-9 and `-`, starting with a letter. */
  readonly serviceName: string;
  /** Container image, e.g. `europe-west1-docker.pkg.dev/acme-prod/apps/api:1.4.2`. */
  readonly image: string;
  /**
   * Port the container listens on.
   * @default 8080
   */
  readonly port?: number;
  /**
   * CPU limit per instance, e.g. `1`, `2` or `500m`.
   * @default '1'
   */
  readonly cpu?: string;
  /**
   * Memory limit per instance, e.g. `512Mi` or `2Gi`.
   * @default '512Mi'
   */
  readonly memory?: string;
  /**
   * Entrypoint of the container.
   * @default - the image's entrypoint
   */
  readonly command?: string[];
  /**
   * Arguments to the entrypoint.
   * @default - the image's arguments
   */
  readonly args?: string[];
  /**
   * Instances kept warm.
   * @default 0
   */
  readonly minInstances?: number;
  /**
   * Upper bound of instances, which also bounds cost and the load on downstream systems.
   * @default - the platform default (100)
   */
  readonly maxInstances?: number;
  /**
   * Plain environment values. Names that look like credentials (PASSWORD, SECRET, TOKEN,
   * API_KEY...) are refused with a literal value: use `secrets`.
   * @default - none
   */
  readonly environment?: { [name: string]: string };
  /**
   * Secret Manager secrets exposed as environment variables. The runtime account gets
   * `roles/secretmanager.secretAccessor` on each of these secrets, and on nothing else.
   * @default - none
   */
  readonly secrets?: SecretEnvironmentVariable[];
  /**
   * The identity the service runs as: a ServiceIdentity, or an existing account imported
   * with `ServiceIdentity.fromEmail`. Anything else is refused (leaving the account out of the
   * template would run the service as the default compute account).
   * @default - a dedicated ServiceIdentity named after the service: `<serviceName>-run`, or for
   * names longer than 26 characters (or given by reference) a prefix, a 6-digit hash of the
   * whole name (or of the construct path) and `-run`, so that no two services share an account
   */
  readonly serviceAccount?: IServiceIdentity;
  /**
   * Where requests may come from.
   * @default CloudRunIngress.INTERNAL_AND_CLOUD_LOAD_BALANCING, or CloudRunIngress.ALL when
   * `users` is given (Identity-Aware Proxy then authorizes every request)
   */
  readonly ingress?: CloudRunIngress;
  /**
   * Identities that may invoke the service (`roles/run.servicesInvoker` on this service).
   * A SecureCloudRunService invoker must have a network path to this service's run.app URL
   * (checked: see `grantInvoke`).
   * @default - none; add more with `grantInvoke`
   */
  readonly invokers?: IGrantable[];
  /**
   * People (users, groups or a domain of the organization) who may use the service through
   * Identity-Aware Proxy: giving this prop, even as `[]`, turns IAP on for the service (see
   * `grantUserAccess`), and the ingress then defaults to `ALL` (IAP guards every request).
   * Needs a google-beta provider in the stack.
   * @default - no IAP; add people later with `grantUserAccess`
   */
  readonly users?: IGrantable[];
  /**
   * Makes the service invocable by `allUsers`. Only with a written reason.
   * @default - not public
   */
  readonly publicAccess?: PublicAccess;
  /**
   * VPC access for outbound traffic.
   * @default - no VPC access
   */
  readonly vpcAccess?: CloudRunVpcAccess;
  /**
   * A Cloud KMS key (CMEK) for the container image and revision data,
   * `projects/<p>/locations/<r>/keyRings/<ring>/cryptoKeys/<key>`. The Cloud Run service agent
   * (`service-<project number>@serverless-robot-prod.iam.gserviceaccount.com`) needs
   * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key before the first deploy; the
   * service grants it and waits for it (see `grantEncryptionKeyToServiceAgent`). The agent is
   * named by a google-beta `google_project_service_identity` for `run.googleapis.com`, which
   * also creates it on a project that has none yet, so the stack needs a google-beta provider.
   * @default - Google-managed encryption
   */
  readonly encryptionKey?: string;
  /**
   * Grant the project's Cloud Run service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter`
   * on `encryptionKey`, and deploy the service only after that binding exists. Turn off when
   * the key's IAM is managed elsewhere (the grant must then exist before this stack is applied;
   * no google-beta provider is needed then).
   * @default true
   */
  readonly grantEncryptionKeyToServiceAgent?: boolean;
  /**
   * Enforce Binary Authorization on deploys.
   * @default - not enforced
   */
  readonly binaryAuthorization?: CloudRunBinaryAuthorization;
  /**
   * Whether Terraform refuses to destroy the service.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Description of the service (a public-access reason is appended).
   * @default - none
   */
  readonly description?: string;
  /**
   * Labels of the service.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Enable the Secret Manager Data Access audit logs (when the service reads secrets).
   * @default true
   */
  readonly auditLogs?: boolean;
}

const DEFAULT_PORT = 8080;
const MIN_REASON = 10;
const KMS_KEY = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;
const CPU = /^(\d+(\.\d+)?|\d+m)$/;
const MEMORY = /^\d+(Mi|Gi)$/;
const ALL_USERS = new MemberPrincipal('allUsers');
const GRANTEE = grantable<IGrantable>();

/**
 * A Cloud Run service (`google_cloud_run_v2_service`) that is secure by default:
 *
 * - it runs as its own service account, never the default compute account;
 * - it accepts traffic only from internal sources and Cloud Load Balancing unless told otherwise;
 * - only the identities you name may invoke it (`roles/run.servicesInvoker`, one permission,
 *   on this service); `allUsers` only through `publicAccess` with a reason;
 * - it reads only the secrets it names, each granted on that secret alone;
 * - Terraform refuses to destroy it unless `deletionProtection: false`.
 */
export class SecureCloudRunService extends Construct implements IGrantable, ICloudRunService {
  /** True when `x` is a SecureCloudRunService, even one made by another copy of this library. */
  public static isSecureCloudRunService(x: unknown): x is SecureCloudRunService {
    return x !== null && typeof x === 'object' && SECURE_CLOUD_RUN_SERVICE in x;
  }

  /**
   * A Cloud Run service created elsewhere (another stack or team), by project, region and
   * name, for `grantInvoke`: `roles/run.servicesInvoker` on that service, through the same
   * binding helper and checks (an invoker's network path is checked against
   * `attributes.ingress`). Nothing is created; when this stack creates the service, the
   * grants are its own.
   */
  public static fromServiceName(
    scope: Construct,
    id: string,
    attributes: CloudRunServiceAttributes,
  ): ICloudRunService {
    return new ImportedCloudRunService(
      scope,
      id,
      attributes,
      SecureCloudRunService.isSecureCloudRunService,
    );
  }

  /** The identity the service runs as. */
  public readonly identity: IServiceIdentity;
  /** The `google_cloud_run_v2_service` resource. */
  public readonly service: CloudRunV2Service;
  /** Name of the service. */
  public readonly serviceName: string;
  /** Region of the service. */
  public readonly location: string;
  /** Project of the service. */
  public readonly project: string;
  /** Where requests to the service may come from. */
  public readonly ingress: CloudRunIngress;
  /** How the service's outbound traffic reaches a VPC, if it does. */
  public readonly vpcAccess?: CloudRunVpcAccess;
  /** Grants to the service go to its runtime identity (e.g. when it calls another service). */
  public readonly grantPrincipal: IPrincipal;

  private nameRef?: string;
  private iap?: IapUserAccess;
  private hasInvokers = false;
  private readonly iapContext: {
    readonly ingressGiven: boolean;
    readonly publicAccess: boolean;
    readonly auditLogs: boolean;
  };
  private readonly invokerPaths = new InvokerNetworkPaths(
    this,
    SecureCloudRunService.isSecureCloudRunService,
  );

  constructor(scope: Construct, id: string, givenProps: SecureCloudRunServiceProps) {
    super(constructScope('SecureCloudRunService', scope, id), id);
    Object.defineProperty(this, SECURE_CLOUD_RUN_SERVICE, { value: true });
    const props = checkProps(this, givenProps, CLOUD_RUN_SERVICE_PROPS);
    const environment = props.environment ?? {};
    const secrets = props.secrets ?? [];
    this.validate(props, environment, secrets);

    this.project = props.project;
    this.location = props.location;
    this.serviceName = props.serviceName;
    registerCreated(this, 'cloud-run-service', [props.project, props.location, props.serviceName]);
    this.ingress =
      props.ingress ??
      (props.users !== undefined
        ? CloudRunIngress.ALL
        : CloudRunIngress.INTERNAL_AND_CLOUD_LOAD_BALANCING);
    this.iapContext = {
      ingressGiven: props.ingress !== undefined,
      publicAccess: props.publicAccess !== undefined,
      auditLogs: props.auditLogs !== false,
    };
    this.vpcAccess = props.vpcAccess;
    this.identity = props.serviceAccount ?? this.dedicatedIdentity(props);
    this.grantPrincipal = this.identity;
    registerRuntime(this.identity, this);

    this.service = new CloudRunV2Service(this, 'Resource', {
      project: props.project,
      location: props.location,
      name: props.serviceName,
      description: describe(props),
      ingress: this.ingress,
      deletionProtection: props.deletionProtection ?? true,
      labels: props.publicAccess ? withPublicAccessLabel(props.labels) : props.labels,
      binaryAuthorization: props.binaryAuthorization
        ? props.binaryAuthorization.policy
          ? { policy: props.binaryAuthorization.policy }
          : { useDefault: true }
        : undefined,
      template: {
        serviceAccount: this.identity.email,
        encryptionKey: props.encryptionKey,
        scaling:
          props.minInstances !== undefined || props.maxInstances !== undefined
            ? { minInstanceCount: props.minInstances, maxInstanceCount: props.maxInstances }
            : undefined,
        vpcAccess: props.vpcAccess && vpcAccessConfig(props.vpcAccess),
        containers: [
          {
            image: props.image,
            command: props.command && literalList(props.command),
            args: props.args && literalList(props.args),
            ports: { containerPort: props.port ?? DEFAULT_PORT },
            resources: { limits: { cpu: props.cpu ?? '1', memory: props.memory ?? '512Mi' } },
            env: environmentConfig(environment, secrets),
          },
        ],
      },
    });

    requireApis(this.service, props.project, ['run.googleapis.com']);
    // Plain loops rather than forEach/map in this constructor: every token made below (the
    // bindings' provider classes, references) records the whole call stack, and each frame
    // costs synth time in stacks with thousands of services.
    // The first revision starts only if its runtime account can read every secret (and the
    // service agent can use the CMEK key), so the service waits for those bindings.
    const firstStartGrants: Grant[] = [];
    for (let i = 0; i < secrets.length; i++) {
      firstStartGrants.push(this.allowSecretAccess(secrets[i], `secrets[${i}].secret`));
    }
    if (props.encryptionKey && props.grantEncryptionKeyToServiceAgent !== false) {
      firstStartGrants.push(allowRunServiceAgentToUseKey(this, props.project, props.encryptionKey));
    }
    dependOnGrants(this.service, firstStartGrants);
    if (secrets.length > 0 && props.auditLogs !== false) {
      AuditLogs.of(this).enable(props.project, 'secretmanager.googleapis.com');
    }
    const invokers = props.invokers ?? [];
    for (let i = 0; i < invokers.length; i++) this.bindInvoker(invokers[i], {}, `invokers[${i}]`);
    if (props.users !== undefined) {
      const iap = this.userAccess('users');
      for (let i = 0; i < props.users.length; i++) iap.grant(props.users[i], `users[${i}]`);
    }
    if (props.publicAccess) {
      const reason = props.publicAccess.reason;
      this.bind(Roles.RUN_SERVICES_INVOKER.name, ALL_USERS, 'publicAccess', reason);
      // The written reason is what the stack-wide guardrails ask for a public service.
      if (!isUnresolved(reason)) {
        recordAcknowledgement(this, 'run-public-invoker', reason.trim());
        if (props.ingress === CloudRunIngress.ALL) {
          recordAcknowledgement(this, 'run-ingress-all', reason.trim());
        }
      }
    }
  }

  /** The service's URL. */
  public get uri(): string {
    return this.service.uri;
  }

  /**
   * Lets `grantee` call the service: `roles/run.servicesInvoker` (only `run.routes.invoke`)
   * on this service.
   *
   * When the grantee is a Cloud Run service (a SecureCloudRunService, or a ServiceIdentity that
   * one runs as) and this service's ingress is not `ALL`, the grantee's requests count as
   * internal only if it sends them through a VPC network; without such a path the binding
   * does nothing, so it is refused (for an identity, at synth) with the fix.
   */
  public grantInvoke(grantee: IGrantable, options?: GrantInvokeOptions): Grant {
    const checked =
      options === undefined || options === null
        ? {}
        : checkProps(this, options, GRANT_INVOKE_OPTIONS, 'options');
    return this.bindInvoker(grantee, checked, 'grantee');
  }

  /**
   * Lets `grantee` deploy new revisions: `roles/run.developer` on this service, and actAs on
   * its runtime service account only (never `serviceAccountUser` on the project, which would
   * let it deploy as any account). Returns the `run.developer` grant; the actAs grant is in
   * the grant registry too.
   */
  public grantDeploy(grantee: IGrantable): Grant {
    // The developer binding first: it checks the grantee here, on this service.
    const grant = this.bind(Roles.RUN_DEVELOPER.name, grantee, 'grantee');
    this.identity.grantActAs(grantee);
    return grant;
  }

  /** Lets `grantee` read the service's configuration and status: `roles/run.viewer` on this service. */
  public grantView(grantee: IGrantable): Grant {
    return this.bind(Roles.RUN_VIEWER.name, grantee, 'grantee');
  }

  /**
   * Lets a person, a group or a domain of the organization use the service through
   * Identity-Aware Proxy: `roles/iap.httpsResourceAccessor` (one permission) on this service
   * only. The first call (or the `users` prop) turns IAP on for the service
   * (`iap_enabled`, google-beta) and lets the project's IAP service agent invoke it
   * (`roles/run.servicesInvoker`); people need no invoker role of their own. Service accounts,
   * federated identities and the public are refused, as are `publicAccess` and an ingress that
   * browsers cannot reach; on a service whose ingress was left at its default, pass `users`
   * in the props (or set `ingress`) instead. Known limits (organization, load balancer,
   * Pub/Sub push) are in the README.
   */
  public grantUserAccess(grantee: IGrantable): Grant {
    return this.userAccess('grantee').grant(grantee, 'grantee');
  }

  /** The service's IAP access, turned on at the first use. */
  private userAccess(prop: string): IapUserAccess {
    this.iap ??= new IapUserAccess(
      {
        construct: this,
        resource: this.service,
        project: this.project,
        location: this.location,
        serviceName: this.serviceName,
        ingress: this.ingress,
        ...this.iapContext,
        nameRef: () => this.serviceNameRef,
        bindInvoker: (principal, p) => this.bind(Roles.RUN_SERVICES_INVOKER.name, principal, p),
      },
      prop,
    );
    if (this.hasInvokers) this.iap.noteInvokers();
    return this.iap;
  }

  private bindInvoker(grantee: unknown, options: GrantInvokeOptions, prop: string): Grant {
    const checked = checkArg(this, prop, grantee, GRANTEE);
    this.invokerPaths.check(checked, options, prop);
    this.hasInvokers = true;
    this.iap?.noteInvokers();
    return this.bind(Roles.RUN_SERVICES_INVOKER.name, checked, prop);
  }

  /**
   * The service's `name` attribute, made once: each reference is a token that records a
   * stack trace, which costs synth time in stacks with thousands of bindings.
   */
  private get serviceNameRef(): string {
    return (this.nameRef ??= this.service.name);
  }

  /** The readable name of this service in grants: `cloud-run:<location>/<name>`. */
  private get resourceName(): string {
    return `cloud-run:${this.location}/${this.serviceName}`;
  }

  private bind(role: string, grantee: unknown, prop: string, publicAccessReason?: string): Grant {
    // The reference is made here, not in `create`, two frames closer to the caller's stack.
    const name = this.serviceNameRef;
    return bindIamMember({
      requester: this,
      owner: this,
      prop,
      role,
      grantee,
      resource: this.resourceName,
      publicAccessReason,
      create: (scope, id, member, condition) =>
        new CloudRunV2ServiceIamMember(scope, id, {
          project: this.project,
          location: this.location,
          name,
          role,
          member,
          condition,
        }),
    });
  }

  /**
   * `roles/secretmanager.secretAccessor` for the runtime account on this one secret. The
   * secret is named the same way however it was written (`db` or `projects/<p>/secrets/db`), so
   * services that share a runtime account and a secret share one binding.
   */
  private allowSecretAccess(secret: SecretEnvironmentVariable, prop: string): Grant {
    const fullName = secret.secret.startsWith('projects/');
    const role = Roles.SECRET_MANAGER_SECRET_ACCESSOR.name;
    const grant = bindIamMember({
      requester: this,
      prop,
      role,
      grantee: this.identity,
      resource: `secret-manager:${fullName ? secret.secret : `projects/${this.project}/secrets/${secret.secret}`}`,
      create: (scope, id, member, condition) =>
        new SecretManagerSecretIamMember(scope, id, {
          project: fullName ? undefined : this.project,
          secretId: secret.secret,
          role,
          member,
          condition,
        }),
    });
    const secretProject = fullName ? secret.secret.split('/')[1] : this.project;
    grant.resources.forEach((r) =>
      requireApis(r, secretProject, ['secretmanager.googleapis.com'], this),
    );
    return grant;
  }

  /**
   * The dedicated runtime account. Its id derives from the service name (see
   * `runtimeAccountId`); a second service in the stack that would derive the same account id
   * in the same project (the same name in another region) is refused with the fix.
   */
  private dedicatedIdentity(p: SecureCloudRunServiceProps): ServiceIdentity {
    const accountId = runtimeAccountId(p.serviceName, this);
    const email = serviceAccountEmail(p.project, accountId);
    const other = email && createdAccountFor(this, email);
    if (other) {
      throw invalidValue(
        this,
        'serviceName',
        p.serviceName,
        `derives the runtime account id '${accountId}', which ${stackRelativePath(other)} already has in project '${p.project}'`,
        'Pass serviceAccount (a ServiceIdentity of its own) to one of the two services.',
      );
    }
    return new ServiceIdentity(this, 'Identity', {
      project: p.project,
      accountId,
      description: `Runs Cloud Run service ${p.serviceName}`,
    });
  }

  private validate(
    props: SecureCloudRunServiceProps,
    environment: Record<string, string>,
    secrets: SecretEnvironmentVariable[],
  ): void {
    validateProjectId(this, 'project', props.project);
    validateRegion(this, 'location', props.location);
    validateServiceName(this, props.serviceName);
    validateImage(this, props.image);
    validateEnvironment(this, environment);
    validateSecrets(this, secrets, environment);
    validateLabels(this, 'labels', props.labels);
    if (props.cpu !== undefined) {
      validatePattern(
        this,
        'cpu',
        props.cpu,
        CPU,
        'must be a CPU quantity',
        "Use e.g. '1', '2' or '500m'.",
      );
    }
    if (props.memory !== undefined) {
      validatePattern(
        this,
        'memory',
        props.memory,
        MEMORY,
        'must be a memory quantity in Mi or Gi',
        "Use e.g. '512Mi' or '2Gi'.",
      );
    }
    if (props.encryptionKey !== undefined) {
      validatePattern(
        this,
        'encryptionKey',
        props.encryptionKey,
        KMS_KEY,
        'must be the full name of a Cloud KMS key',
        "Use 'projects/<p>/locations/<region>/keyRings/<ring>/cryptoKeys/<key>' (a key, not a key version).",
      );
    }
    validateScaling(this, props.minInstances, props.maxInstances);
    validateWholeNumber(
      this,
      'port',
      props.port,
      { min: 1, max: 65535 },
      'must be a port number 1-65535',
      'Use the port the container listens on, e.g. 8080.',
    );
    const reason = props.publicAccess?.reason;
    if (reason !== undefined && !isUnresolved(reason) && reason.trim().length < MIN_REASON) {
      throw invalidValue(
        this,
        'publicAccess.reason',
        reason,
        `must say in ${MIN_REASON}-${MAX_REASON} characters why anyone on the internet may invoke this service`,
        "Write the reason, e.g. 'Public webhook endpoint for the payment provider', or remove publicAccess and name the invokers.",
      );
    }
    if (props.vpcAccess) validateVpcAccess(this, props.vpcAccess);
  }
}

const SECURE_CLOUD_RUN_SERVICE = Symbol.for('cdktf-guardrails.SecureCloudRunService');

/** Longest service name whose account id is simply `<serviceName>-run` (30 characters). */
const PLAIN_ACCOUNT_NAME = 26;
/** Prefix kept from long names, so that prefix + '-' + 6 hex digits + '-run' is 30 characters. */
const HASHED_PREFIX = 19;
const HASH_DIGITS = 6;

/**
 * The runtime account id of a service: `<serviceName>-run` (`-run-sa` for a one-letter name)
 * when it fits the 30 characters of an account id. Longer names, which could share a prefix,
 * keep 19 characters and add 6 hex digits of a hash of the whole name. A name given by
 * reference is only known at apply, so the id derives from the construct id and a hash of the
 * construct's stack-relative path. Always a valid account id.
 */
function runtimeAccountId(serviceName: string, service: Construct): string {
  if (!isUnresolved(serviceName)) {
    const plain = `${serviceName}-run`;
    if (serviceName.length <= PLAIN_ACCOUNT_NAME) return plain.length >= 6 ? plain : `${plain}-sa`;
    return hashedAccountId(serviceName, serviceName);
  }
  const fromId = service.node.id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '');
  return hashedAccountId(fromId || 'service', stackRelativePath(service));
}

function hashedAccountId(base: string, hashed: string): string {
  const prefix = base.slice(0, HASHED_PREFIX).replace(/-+$/, '');
  return `${prefix}-${shortHash(hashed, HASH_DIGITS)}-run`;
}

/** The labels with `public-access: reasoned`; a label map given as a token is merged by Terraform. */
function withPublicAccessLabel(labels: Record<string, string> | undefined) {
  const marker = { 'public-access': 'reasoned' };
  return labels && Token.isUnresolved(labels)
    ? Token.asStringMap(Fn.merge([labels, marker]))
    : { ...labels, ...marker };
}

/** Literal entries with `${` escaped; a list token passes as it is. */
function literalList(values: string[]): string[] {
  return Token.isUnresolved(values) ? values : values.map(terraformLiteral);
}

/** The description, with the public-access reason appended; literal text escaped for Terraform. */
function describe(props: SecureCloudRunServiceProps): string | undefined {
  if (!props.publicAccess) return props.description && terraformLiteral(props.description);
  const reason = `Public access: ${props.publicAccess.reason}`;
  return terraformLiteral(props.description ? `${props.description} ${reason}` : reason);
}

/** Plain values and secrets, sorted by name so the synthesized list does not depend on prop order. */
function environmentConfig(
  environment: Record<string, string>,
  secrets: SecretEnvironmentVariable[],
): CloudRunV2ServiceTemplateContainersEnv[] | undefined {
  const plain = Object.entries(environment).map(([name, value]) => ({
    name,
    value: terraformLiteral(value),
  }));
  const fromSecrets = secrets.map((s) => ({
    name: s.name,
    valueSource: { secretKeyRef: { secret: s.secret, version: s.version ?? 'latest' } },
  }));
  const all = [...plain, ...fromSecrets].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return all.length > 0 ? all : undefined;
}

function vpcAccessConfig(vpc: CloudRunVpcAccess) {
  const egress = vpc.egress ?? CloudRunVpcEgress.PRIVATE_RANGES_ONLY;
  if (vpc.connector) return { connector: vpc.connector, egress };
  return {
    egress,
    networkInterfaces: [
      { network: vpc.network, subnetwork: vpc.subnetwork, tags: vpc.networkTags },
    ],
  };
}

function validateVpcAccess(scope: Construct, vpc: CloudRunVpcAccess): void {
  const direct = vpc.network !== undefined || vpc.subnetwork !== undefined;
  if (vpc.connector !== undefined && direct) {
    throw invalidProps(
      scope,
      'vpcAccess',
      'sets both a connector and Direct VPC egress (network/subnetwork)',
      'Use either connector, or network/subnetwork.',
    );
  }
  if (vpc.connector === undefined && !direct) {
    throw invalidProps(
      scope,
      'vpcAccess',
      'names neither a connector nor a network/subnetwork',
      "Set connector ('projects/<p>/locations/<r>/connectors/<name>') or network/subnetwork for Direct VPC egress.",
    );
  }
  if (vpc.networkTags && vpc.connector !== undefined) {
    throw invalidProps(
      scope,
      'vpcAccess.networkTags',
      'apply only to Direct VPC egress',
      'Remove networkTags, or use network/subnetwork.',
    );
  }
}

function validateScaling(scope: Construct, min: number | undefined, max: number | undefined): void {
  const fix = 'Use e.g. 0 or 10.';
  validateWholeNumber(
    scope,
    'minInstances',
    min,
    { min: 0 },
    'must be a whole number of at least 0',
    fix,
  );
  validateWholeNumber(
    scope,
    'maxInstances',
    max,
    { min: 1 },
    'must be a whole number of at least 1',
    fix,
  );
  if (
    min !== undefined &&
    max !== undefined &&
    !isUnresolved(min) &&
    !isUnresolved(max) &&
    min > max
  ) {
    throw invalidProps(
      scope,
      'minInstances',
      `(${min}) is greater than maxInstances (${max})`,
      `Lower minInstances or raise maxInstances to at least ${min}.`,
    );
  }
}
