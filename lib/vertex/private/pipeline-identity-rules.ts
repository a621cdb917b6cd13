import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { IArtifactRegistryRepository } from '../../artifact-registry/artifact-registry-repository';
import type { Grant } from '../../core/grant';
import type { IGrantable } from '../../core/principal';
import { bindIamMember } from '../../core/private/iam-member';
import type { MemberPrincipal } from '../../core/private/member-principal';
import { projectServiceAgent } from '../../core/private/project-agents';
import { requireApis } from '../../core/private/required-apis';
import {
  constructOf,
  flag,
  grantable,
  list,
  optional,
  Schema,
  struct,
  text,
} from '../../core/private/shape';
import { Roles } from '../../core/roles';
import { recordAcknowledgement } from '../../rules/private/acknowledgements';
import type { IScopedBucket } from '../../storage/bucket-options';
import type {
  VertexPipelineIdentityProps,
  VertexStagingLocation,
} from '../vertex-pipeline-identity';

/** A bucket to grant on: a ScopedBucket or an imported one. */
const BUCKET = constructOf<IScopedBucket>(
  (x) =>
    Construct.isConstruct(x) &&
    typeof (x as Partial<IScopedBucket>).grantReadWrite === 'function' &&
    typeof (x as Partial<IScopedBucket>).bucketName === 'string',
  'ScopedBucket (or ScopedBucket.fromBucketName(scope, id, name))',
);

/** An Artifact Registry repository (`ArtifactRegistryRepository.fromRepositoryId`). */
export const IMAGE_REPOSITORY = constructOf<IArtifactRegistryRepository>(
  (x) =>
    Construct.isConstruct(x) &&
    typeof (x as Partial<IArtifactRegistryRepository>).grantRead === 'function' &&
    typeof (x as Partial<IArtifactRegistryRepository>).repositoryId === 'string',
  'repository of Artifact Registry (ArtifactRegistryRepository.fromRepositoryId(scope, id, { project, location, repositoryId }))',
);

/** Who launches jobs. */
export const SUBMITTER = grantable<IGrantable>();

const STAGING: Schema<VertexStagingLocation> = {
  bucket: BUCKET,
  prefix: text({ freeText: true, example: "'pipelines/training/'" }),
};

/** The shape of every prop of a VertexPipelineIdentity. */
export const PIPELINE_IDENTITY_PROPS: Schema<VertexPipelineIdentityProps> = {
  project: text({ example: "'acme-prod'" }),
  accountId: text({ example: "'fraud-training'" }),
  displayName: optional(text({ max: 100, freeText: true })),
  description: optional(text({ max: 256, freeText: true })),
  submitters: optional(list(SUBMITTER, { tokens: false })),
  launchesJobs: optional(flag()),
  staging: optional(struct(STAGING, "{ bucket, prefix: 'pipelines/training/' }")),
  auditLogs: optional(flag()),
  customCodeServiceAgentExists: optional(flag()),
};

/** Why `roles/aiplatform.user` is on the project: recorded with the acknowledged finding. */
export const JOB_CREATION_REASON =
  'Vertex AI custom and pipeline jobs have no resource-level IAM: creating them needs aiplatform.customJobs.create and aiplatform.pipelineJobs.create on the project, and roles/aiplatform.user is the smallest GA predefined role with both (VertexPipelineIdentity).';

/**
 * `roles/aiplatform.user` on `project` for `grantee`: what creating Vertex AI jobs needs (see
 * {@link JOB_CREATION_REASON}). Under the stack's shared bindings (one per project and
 * grantee, whoever asks); the `iam-vertex-project-role` finding it makes is acknowledged on
 * the binding with the reason, so the access report lists it as intended.
 */
export function allowJobCreation(
  requester: IConstruct & { readonly project: string },
  grantee: unknown,
  prop: string,
): Grant {
  const project = requester.project;
  const role = Roles.AIPLATFORM_USER.name;
  const grant = bindIamMember({
    requester,
    prop,
    role,
    grantee,
    resource: `project:${project}`,
    create: (scope, id, member, condition) =>
      new ProjectIamMember(scope, id, { project, role, member, condition }),
  });
  for (const binding of grant.resources) {
    recordAcknowledgement(binding, 'iam-vertex-project-role', JOB_CREATION_REASON);
    requireApis(binding, project, ['aiplatform.googleapis.com'], requester);
  }
  return grant;
}

/**
 * The project's Vertex AI Custom Code Service Agent,
 * `service-<project number>@gcp-sa-aiplatform-cc.iam.gserviceaccount.com`
 * (https://cloud.google.com/iam/docs/service-agents), by its well-known address: no resource
 * of the supported providers creates it or returns its email (see {@link CUSTOM_CODE_AGENT_WARNING}).
 */
export function customCodeServiceAgent(scope: IConstruct, project: string): MemberPrincipal {
  return projectServiceAgent(scope, project, 'gcp-sa-aiplatform-cc.iam.gserviceaccount.com');
}

/**
 * Why a binding to the Custom Code Service Agent may fail on the first apply, and what to do.
 * Sources: Google creates service agents "at some point after you activate and use the API"
 * and roles cannot be granted to one not yet created
 * (https://cloud.google.com/iam/docs/service-agents,
 * https://cloud.google.com/iam/docs/create-service-agents);
 * `google_project_service_identity` creates one identity per service, for
 * `aiplatform.googleapis.com` the primary `gcp-sa-aiplatform` agent
 * (hashicorp/terraform-provider-google#10469; Cloud Foundation Fabric
 * `modules/project/service-agents.yaml`: `aiplatform-cc` has `is_primary: false`); the
 * resource that creates every agent of a service, `google_workload_identity_service_agent`
 * (magic-modules `mmv1/products/workloadidentity/ServiceAgent.yaml`), is newer than the
 * google provider 6.50.0 this library is built on.
 */
export const CUSTOM_CODE_AGENT_WARNING =
  "allowImagePull binds roles/artifactregistry.reader to the project's Vertex AI Custom Code Service Agent (service-<project number>@gcp-sa-aiplatform-cc.iam.gserviceaccount.com), which Google creates on its own some time after Vertex AI is enabled and used; no resource of the google or google-beta provider 6.50.0 creates it (google_project_service_identity for aiplatform.googleapis.com creates only the Vertex AI Service Agent). On a project without it, the apply fails with 'Service account ... does not exist'. Create it once per project (README, 'Before the first apply': the Workload Identity API's generateServiceAgents for aiplatform.googleapis.com), then set customCodeServiceAgentExists: true.";

/** Warns once per identity that the Custom Code Service Agent must exist before the apply. */
export function warnCustomCodeServiceAgent(identity: IConstruct): void {
  if (WARNED.has(identity)) return;
  WARNED.add(identity);
  Annotations.of(identity).addWarning(CUSTOM_CODE_AGENT_WARNING);
}

const WARNED = new WeakSet<IConstruct>();
