import { ArtifactRegistryRepositoryIamMember } from '@cdktf/provider-google/lib/artifact-registry-repository-iam-member';
import { Construct } from 'constructs';
import type { Grant } from '../../core/grant';
import type { IGrantable } from '../../core/principal';
import { constructScope } from '../../core/private/construct-args';
import { grantOnImported } from '../../core/private/imported-grant';
import { invalidValue } from '../../core/private/messages';
import { GOOGLE_CLOUD_REGIONS } from '../../core/private/regions';
import { checkProps, flag, optional, Schema, text } from '../../core/private/shape';
import { isUnresolved, validatePattern, validateProjectId } from '../../core/private/validate';
import { IamRole, Roles } from '../../core/roles';
import type {
  ArtifactRegistryRepositoryAttributes,
  IArtifactRegistryRepository,
} from '../artifact-registry-repository';

const ATTRIBUTES: Schema<ArtifactRegistryRepositoryAttributes> = {
  project: text({ example: "'acme-prod'" }),
  location: text({ example: "'europe-west1'" }),
  repositoryId: text({ example: "'training-images'" }),
  auditLogs: optional(flag()),
};
/** https://cloud.google.com/artifact-registry/docs/repositories/create-repos */
const REPOSITORY_ID = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** https://cloud.google.com/artifact-registry/docs/repositories/repo-locations */
const MULTI_REGIONS: ReadonlySet<string> = new Set(['us', 'europe', 'asia']);

/** An Artifact Registry repository created elsewhere (`ArtifactRegistryRepository.fromRepositoryId`). */
export class ImportedRepository extends Construct implements IArtifactRegistryRepository {
  public readonly project: string;
  public readonly location: string;
  public readonly repositoryId: string;
  private readonly auditLogs: boolean;

  constructor(scope: Construct, id: string, attributes: unknown) {
    super(constructScope('ArtifactRegistryRepository.fromRepositoryId', scope, id), id);
    const attrs = checkProps(this, attributes, ATTRIBUTES, 'attributes');
    validateProjectId(this, 'attributes.project', attrs.project);
    validateRepositoryLocation(this, attrs.location);
    validatePattern(
      this,
      'attributes.repositoryId',
      attrs.repositoryId,
      REPOSITORY_ID,
      "must be a repository id: 1-63 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'",
      "Use the last part of 'projects/<p>/locations/<l>/repositories/<id>', e.g. 'training-images'.",
    );
    this.project = attrs.project;
    this.location = attrs.location;
    this.repositoryId = attrs.repositoryId;
    this.auditLogs = attrs.auditLogs !== false;
  }

  public get dockerHost(): string {
    return `${this.location}-docker.pkg.dev/${this.project}/${this.repositoryId}`;
  }

  public grantRead(grantee: IGrantable): Grant {
    return this.grant(Roles.ARTIFACT_REGISTRY_READER, grantee);
  }

  public grantWrite(grantee: IGrantable): Grant {
    return this.grant(Roles.ARTIFACT_REGISTRY_WRITER, grantee);
  }

  private grant(role: IamRole, grantee: unknown): Grant {
    const roleName = role.name;
    // https://cloud.google.com/artifact-registry/docs/audit-logging
    return grantOnImported({
      requester: this,
      role: roleName,
      grantee,
      resource: `artifact-registry:${this.project}/${this.location}/${this.repositoryId}`,
      project: this.project,
      service: 'artifactregistry.googleapis.com',
      auditLogs: this.auditLogs,
      create: (scope, id, member, condition) =>
        new ArtifactRegistryRepositoryIamMember(scope, id, {
          project: this.project,
          location: this.location,
          repository: this.repositoryId,
          role: roleName,
          member,
          condition,
        }),
    });
  }
}

function validateRepositoryLocation(scope: Construct, location: string): void {
  if (isUnresolved(location) || GOOGLE_CLOUD_REGIONS.has(location) || MULTI_REGIONS.has(location))
    return;
  throw invalidValue(
    scope,
    'attributes.location',
    location,
    'must be an Artifact Registry location: a region or the multi-region us, europe or asia',
    "Use the repository's location, e.g. 'europe-west1' or 'europe'.",
  );
}
