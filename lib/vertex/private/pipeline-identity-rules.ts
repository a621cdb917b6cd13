import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
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
 * (https://cloud.google.com/iam/docs/service-agents).
 */
export function customCodeServiceAgent(scope: IConstruct, project: string): MemberPrincipal {
  return projectServiceAgent(scope, project, 'gcp-sa-aiplatform-cc.iam.gserviceaccount.com');
}
