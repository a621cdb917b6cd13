import { CloudRunV2ServiceIamMember } from '@cdktf/provider-google/lib/cloud-run-v2-service-iam-member';
import { Construct } from 'constructs';
import type { Grant } from '../../core/grant';
import type { IGrantable } from '../../core/principal';
import { constructScope } from '../../core/private/construct-args';
import { createdFor, refuseCreatedAfterImport } from '../../core/private/created-resources';
import { bindIamMember } from '../../core/private/iam-member';
import { requireApis } from '../../core/private/required-apis';
import {
  checkArg,
  checkProps,
  grantable,
  oneOf,
  optional,
  Schema,
  text,
} from '../../core/private/shape';
import { validateProjectId, validateRegion } from '../../core/private/validate';
import { Roles } from '../../core/roles';
import {
  CloudRunIngress,
  CloudRunServiceAttributes,
  GrantInvokeOptions,
  ICloudRunService,
} from '../cloud-run-options';
import type { SecureCloudRunService } from '../secure-cloud-run-service';
import { validateServiceName } from './container-rules';
import { InvokerNetworkPaths } from './network-path';
import { GRANT_INVOKE_OPTIONS } from './props-shape';

const ATTRIBUTES: Schema<CloudRunServiceAttributes> = {
  project: text({ example: "'acme-prod'" }),
  location: text({ example: "'europe-west1'" }),
  serviceName: text({ example: "'orders-api'" }),
  ingress: optional(oneOf(CloudRunIngress, 'CloudRunIngress', { tokens: true })),
};
const GRANTEE = grantable<IGrantable>();
const KIND = 'cloud-run-service';

/**
 * A Cloud Run service created elsewhere (`SecureCloudRunService.fromServiceName`). Nothing is
 * created for it; `grantInvoke` binds `roles/run.servicesInvoker` on it with the checks of a
 * SecureCloudRunService (grantee shape, members, the invoker's network path against the
 * declared ingress), under the stack's shared bindings so that every import of one service
 * shares them. When the stack itself creates a SecureCloudRunService of that project, region
 * and name, grants go through it.
 */
export class ImportedCloudRunService extends Construct implements ICloudRunService {
  public readonly project: string;
  public readonly location: string;
  public readonly serviceName: string;
  public readonly ingress: CloudRunIngress;

  private readonly invokerPaths: InvokerNetworkPaths;
  private bindsDirectly = false;

  constructor(
    scope: Construct,
    id: string,
    attributes: unknown,
    isService: (x: unknown) => x is SecureCloudRunService,
  ) {
    super(constructScope('SecureCloudRunService.fromServiceName', scope, id), id);
    const attrs = checkProps(this, attributes, ATTRIBUTES, 'attributes');
    validateProjectId(this, 'attributes.project', attrs.project);
    validateRegion(this, 'attributes.location', attrs.location);
    validateServiceName(this, attrs.serviceName, 'attributes.serviceName');
    this.project = attrs.project;
    this.location = attrs.location;
    this.serviceName = attrs.serviceName;
    this.ingress = attrs.ingress ?? CloudRunIngress.INTERNAL_AND_CLOUD_LOAD_BALANCING;
    this.invokerPaths = new InvokerNetworkPaths(this, isService);
  }

  public grantInvoke(grantee: IGrantable, options?: GrantInvokeOptions): Grant {
    const created = createdFor<ICloudRunService>(this, KIND, this.nameParts);
    if (created) return created.grantInvoke(grantee, options);
    const checkedOptions =
      options === undefined || options === null
        ? {}
        : checkProps(this, options, GRANT_INVOKE_OPTIONS, 'options');
    const checked = checkArg(this, 'grantee', grantee, GRANTEE);
    this.invokerPaths.check(checked, checkedOptions, 'grantee');
    if (!this.bindsDirectly) {
      this.bindsDirectly = true;
      refuseCreatedAfterImport(
        this,
        KIND,
        this.nameParts,
        'attributes.serviceName',
        'SecureCloudRunService.fromServiceName',
      );
    }
    const role = Roles.RUN_SERVICES_INVOKER.name;
    const grant = bindIamMember({
      requester: this,
      role,
      grantee: checked,
      resource: `cloud-run:${this.project}/${this.location}/${this.serviceName}`,
      create: (scope, bindingId, member, condition) =>
        new CloudRunV2ServiceIamMember(scope, bindingId, {
          project: this.project,
          location: this.location,
          name: this.serviceName,
          role,
          member,
          condition,
        }),
    });
    grant.resources.forEach((r) => requireApis(r, this.project, ['run.googleapis.com'], this));
    return grant;
  }

  private get nameParts(): string[] {
    return [this.project, this.location, this.serviceName];
  }
}
