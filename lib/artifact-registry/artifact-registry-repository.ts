import { Construct, IConstruct } from 'constructs';
import type { Grant } from '../core/grant';
import type { IGrantable } from '../core/principal';
import { ImportedRepository } from './private/imported-repository';

/** What names an Artifact Registry repository created elsewhere (`ArtifactRegistryRepository.fromRepositoryId`). */
export interface ArtifactRegistryRepositoryAttributes {
  /** Project of the repository. */
  readonly project: string;
  /** Location of the repository: a region (`europe-west1`) or a multi-region (`europe`, `us`, `asia`). */
  readonly location: string;
  /** Id of the repository, e.g. `training-images`: the part after `repositories/`. */
  readonly repositoryId: string;
  /**
   * Enable the Artifact Registry Data Access audit logs of the repository's project when
   * access is granted (who pulled and pushed which artifact).
   * @default true
   */
  readonly auditLogs?: boolean;
}

/**
 * An Artifact Registry repository that grants access to its artifacts by the smallest role,
 * on this repository only (`google_artifact_registry_repository_iam_member`). Other
 * constructs (a VertexPipelineIdentity pulling its training image) take this interface.
 */
export interface IArtifactRegistryRepository extends IConstruct {
  /** Project of the repository. */
  readonly project: string;
  /** Location of the repository. */
  readonly location: string;
  /** Id of the repository. */
  readonly repositoryId: string;
  /** `<location>-docker.pkg.dev/<project>/<repository>`: where its container images are pushed and pulled. */
  readonly dockerHost: string;
  /**
   * Lets `grantee` pull and list the repository's artifacts (container images, packages):
   * `roles/artifactregistry.reader` on this repository (33 permissions).
   */
  grantRead(grantee: IGrantable): Grant;
  /**
   * Lets `grantee` push and tag artifacts, besides reading them (a CI that builds images):
   * `roles/artifactregistry.writer` on this repository (44 permissions).
   */
  grantWrite(grantee: IGrantable): Grant;
}

/**
 * Artifact Registry repositories. The library does not create repositories;
 * `fromRepositoryId` names one created elsewhere so that grants on it go through the library's
 * binding helper, registry and checks.
 */
export class ArtifactRegistryRepository {
  /**
   * A repository created elsewhere, by project, location and id, for `grantRead` and
   * `grantWrite`. Nothing is created; the grants are
   * `google_artifact_registry_repository_iam_member` bindings under the stack's shared bindings
   * (every import of one repository shares them).
   *
   * @param scope the construct to import it in
   * @param id the construct id
   * @param attributes project, location and id of the repository
   */
  public static fromRepositoryId(
    scope: Construct,
    id: string,
    attributes: ArtifactRegistryRepositoryAttributes,
  ): IArtifactRegistryRepository {
    return new ImportedRepository(scope, id, attributes);
  }

  private constructor() {}
}
