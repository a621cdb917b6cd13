import { Construct } from 'constructs';
import type { IArtifactRegistryRepository } from '../artifact-registry/artifact-registry-repository';
import { AuditLogs } from '../core/audit-logs';
import type { Grant } from '../core/grant';
import type { IGrantable, IPrincipal } from '../core/principal';
import { constructScope } from '../core/private/construct-args';
import { requireApis } from '../core/private/required-apis';
import { checkArg, checkProps } from '../core/private/shape';
import { validateAccountId, validateProjectId } from '../core/private/validate';
import { ServiceIdentity } from '../core/service-identity';
import type { IScopedBucket } from '../storage/bucket-options';
import { validatePrefix } from '../storage/private/bucket-rules';
import {
  allowJobCreation,
  customCodeServiceAgent,
  IMAGE_REPOSITORY,
  PIPELINE_IDENTITY_PROPS,
  SUBMITTER,
  warnCustomCodeServiceAgent,
} from './private/pipeline-identity-rules';

/**
 * Where a Vertex AI job or pipeline writes what it stages and produces: the pipeline root
 * (`pipeline_root`) or a custom job's `baseOutputDirectory`.
 */
export interface VertexStagingLocation {
  /** The bucket: a ScopedBucket, or one imported with `ScopedBucket.fromBucketName`. */
  readonly bucket: IScopedBucket;
  /** The prefix under which the identity reads and writes, e.g. `pipelines/training/`. */
  readonly prefix: string;
}

/** Props of a {@link VertexPipelineIdentity}. */
export interface VertexPipelineIdentityProps {
  /** Project where the jobs run, which also owns the identity's service account. */
  readonly project: string;
  /** Account id of the identity (6-30 of a-z, 0-9, `-`), e.g. `fraud-training`. */
  readonly accountId: string;
  /**
   * Display name of the service account.
   * @default - the account id
   */
  readonly displayName?: string;
  /**
   * Description of the service account.
   * @default - 'Runs Vertex AI jobs as <accountId>'
   */
  readonly description?: string;
  /**
   * People or CI identities that launch jobs as this identity (see `allowSubmit`).
   * @default - none; add more with `allowSubmit`
   */
  readonly submitters?: IGrantable[];
  /**
   * The identity runs a Vertex AI pipeline whose steps create Vertex AI jobs (custom
   * training, batch prediction) as the identity itself, as Google Cloud Pipeline Components
   * do: it then gets `roles/aiplatform.user` on the project (Vertex AI jobs have no
   * resource-level IAM) and actAs on itself.
   * @default false
   */
  readonly launchesJobs?: boolean;
  /**
   * The staging location (pipeline root, base output directory): the identity gets
   * `roles/storage.objectUser` under its prefix only, and `stagingUri` names it for the job spec.
   * @default - none; grant the data it needs with the bucket's grant methods
   */
  readonly staging?: VertexStagingLocation;
  /**
   * Enable the Vertex AI Data Access audit logs of the project (who created which job,
   * read which model or dataset).
   * @default true
   */
  readonly auditLogs?: boolean;
  /**
   * The project's Vertex AI Custom Code Service Agent
   * (`service-<project number>@gcp-sa-aiplatform-cc.iam.gserviceaccount.com`) already exists,
   * so `allowImagePull` can bind a role to it on the first apply. Google creates that agent on
   * its own, and no resource of the google or google-beta provider 6.50.0 creates it; until you
   * confirm it exists (once per project: see "Before the first apply" in the README),
   * `allowImagePull` warns at synth that its binding fails on a project that does not have the
   * agent yet.
   * @default false
   */
  readonly customCodeServiceAgentExists?: boolean;
}

/**
 * The identity of one family of Vertex AI jobs (custom training, pipelines, batch
 * prediction): a dedicated service account, so that the jobs never run as the Compute Engine
 * default account (what a pipeline uses without one) or the project's shared Vertex AI Custom
 * Code Service Agent (what a custom job uses without one,
 * https://cloud.google.com/vertex-ai/docs/general/custom-service-account).
 *
 * - Jobs name it in their spec (`serviceAccount` of a CustomJob, `service_account` of a
 *   PipelineJob): `email`.
 * - Who may launch jobs as it gets actAs on **this** account only, and the Vertex AI role to
 *   create jobs, which must be project-level (see `allowSubmit`).
 * - Data access goes through the data's own grants, never project-wide: a ScopedBucket (or an
 *   imported bucket) prefix for datasets and another for model artifacts, a BigQuery dataset,
 *   and the Artifact Registry repository of a custom training image (`allowImagePull`).
 *
 * Separate identities for ingestion, training and serving are the intended pattern: each
 * reads and writes only its own prefixes and tables.
 */
export class VertexPipelineIdentity extends Construct implements IGrantable {
  /** The service account the jobs run as. */
  public readonly identity: ServiceIdentity;
  /** Project where the jobs run. */
  public readonly project: string;
  /** Grants to this construct go to its service account. */
  public readonly grantPrincipal: IPrincipal;
  /** `gs://<bucket>/<prefix>` of the staging location, when one was given. */
  public readonly stagingUri?: string;

  private readonly auditLogs: boolean;
  private readonly customCodeServiceAgentExists: boolean;

  constructor(scope: Construct, id: string, givenProps: VertexPipelineIdentityProps) {
    super(constructScope('VertexPipelineIdentity', scope, id), id);
    const props = checkProps(this, givenProps, PIPELINE_IDENTITY_PROPS);
    validateProjectId(this, 'project', props.project);
    validateAccountId(this, 'accountId', props.accountId);
    if (props.staging) validatePrefix(this, 'staging.prefix', props.staging.prefix);
    this.project = props.project;
    this.auditLogs = props.auditLogs !== false;
    this.customCodeServiceAgentExists = props.customCodeServiceAgentExists === true;
    this.identity = new ServiceIdentity(this, 'Identity', {
      project: props.project,
      accountId: props.accountId,
      displayName: props.displayName,
      description: props.description ?? `Runs Vertex AI jobs as ${props.accountId}`,
    });
    this.grantPrincipal = this.identity;

    if (props.staging) {
      const { bucket, prefix } = props.staging;
      bucket.grantReadWrite(this.identity, { prefix });
      this.stagingUri = `${bucket.url}/${prefix}`;
    }
    if (props.launchesJobs) {
      // Pipeline steps create jobs that run as this same account: both permissions needed.
      allowJobCreation(this, this.identity, 'launchesJobs');
      this.identity.grantActAs(this.identity);
    }
    (props.submitters ?? []).forEach((s, i) => this.submit(s, `submitters[${i}]`));
    // https://cloud.google.com/vertex-ai/docs/general/audit-logging
    if (this.auditLogs) AuditLogs.of(this).enable(props.project, 'aiplatform.googleapis.com');
  }

  /** The service account's email, for the job spec (`serviceAccount`). */
  public get email(): string {
    return this.identity.email;
  }

  /**
   * Lets `grantee` (a CI identity, a group of ML engineers) launch jobs that run as this
   * identity:
   *
   * - `roles/iam.serviceAccountUser` (actAs) on this account only, which Vertex AI checks when
   *   a job names a service account; never on the project, which would let the grantee run
   *   jobs as any account;
   * - `roles/aiplatform.user` on the project: the smallest GA predefined role holding
   *   `aiplatform.customJobs.create` and `aiplatform.pipelineJobs.create` (446 permissions;
   *   the tests check it against the IAM catalog). Vertex AI jobs have no resource-level IAM,
   *   so it cannot be narrower than the project. Every grantee of the project shares one
   *   binding, recorded as an acknowledged `iam-vertex-project-role` finding with this reason.
   *
   * Returns the actAs grant; the project grant is in the grant registry too. A submitter that
   * uploads code packages to the staging prefix needs the bucket's `grantWrite` as well.
   */
  public allowSubmit(grantee: IGrantable): Grant {
    return this.submit(grantee, 'grantee');
  }

  /**
   * Lets Vertex AI pull this identity's custom training container image from `repository`:
   * `roles/artifactregistry.reader` on that repository only, for the project's **Vertex AI
   * Custom Code Service Agent** (`service-<project number>@gcp-sa-aiplatform-cc.iam.gserviceaccount.com`),
   * not for the job's account. Vertex AI pulls images with its own Google-managed account; a
   * custom service account cannot be configured to pull them
   * (https://cloud.google.com/vertex-ai/docs/general/custom-service-account#configure), and for
   * training that account is the Custom Code Service Agent, whose role
   * (`roles/aiplatform.customCodeServiceAgent`) carries
   * `artifactregistry.repositories.downloadArtifacts` in its own project. The grant makes the
   * pull explicit and works for a repository in another project too. The project number is
   * read with `data.google_project`.
   *
   * **The agent must exist before the first apply.** Google creates service agents "at some
   * point after you activate and use the API", and a role cannot be granted to one that does
   * not exist yet (https://cloud.google.com/iam/docs/create-service-agents): the binding then
   * fails with "Service account ... does not exist". Unlike the IAP and Cloud Run agents, no
   * Terraform resource of the providers this library supports creates this one:
   * `google_project_service_identity` for `aiplatform.googleapis.com` creates and returns only
   * the primary Vertex AI Service Agent (`gcp-sa-aiplatform`). Create it once per project as
   * the README says ("Before the first apply"), then set `customCodeServiceAgentExists: true`;
   * until then this method adds a synth warning saying so. The binding waits for the
   * `google_project_service` of `aiplatform.googleapis.com` when the stack enables it.
   */
  public allowImagePull(repository: IArtifactRegistryRepository): Grant {
    const repo = checkArg(this, 'repository', repository, IMAGE_REPOSITORY);
    const grant = repo.grantRead(customCodeServiceAgent(this, this.project));
    grant.resources.forEach((r) =>
      requireApis(r, this.project, ['aiplatform.googleapis.com'], this),
    );
    if (!this.customCodeServiceAgentExists) warnCustomCodeServiceAgent(this);
    return grant;
  }

  private submit(grantee: unknown, prop: string): Grant {
    const checked = checkArg(this, prop, grantee, SUBMITTER);
    const actAs = this.identity.grantActAs(checked);
    allowJobCreation(this, checked, prop);
    return actAs;
  }
}
