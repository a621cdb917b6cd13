import { DataGoogleStorageProjectServiceAccount } from '@cdktf/provider-google/lib/data-google-storage-project-service-account';
import { IConstruct } from 'constructs';
import { MemberPrincipal } from '../../core/private/member-principal';
import { SharedBindings } from '../../core/private/shared-bindings';

/** The agent principal per data source, made once: each `member` read is a new token. */
const PRINCIPALS = new WeakMap<IConstruct, MemberPrincipal>();

/**
 * The Cloud Storage service agent of `project`
 * (`service-<number>@gs-project-accounts.iam.gserviceaccount.com`), read with one
 * `data.google_storage_project_service_account` per project and stack, so that every bucket of
 * the project names the same member and shares one binding on a key.
 */
export function storageServiceAgent(scope: IConstruct, project: string): MemberPrincipal {
  const agent = SharedBindings.perProject(
    scope,
    'StorageServiceAgent',
    project,
    (shared, id) => new DataGoogleStorageProjectServiceAccount(shared, id, { project }),
  );
  let principal = PRINCIPALS.get(agent);
  if (!principal) PRINCIPALS.set(agent, (principal = new MemberPrincipal(agent.member)));
  return principal;
}
