// How a synthesized stack manages the access of its BigQuery datasets, and which dataset each
// resource manages. Provider documentation of the three ways and why they fight:
// https://github.com/hashicorp/terraform-provider-google/blob/main/website/docs/r/bigquery_dataset_access.html.markdown
// https://github.com/hashicorp/terraform-provider-google/blob/main/website/docs/r/bigquery_dataset_iam.html.markdown
import type { StackModel, TfResource } from '../../analysis/model';
import { asArray, asObject } from '../../analysis/private/google-access';
import { singleReference } from '../../analysis/private/references';

const DATASET = 'google_bigquery_dataset';

/**
 * The three ways to manage a dataset's access, each of which writes the dataset's one access
 * list: the `access` blocks of `google_bigquery_dataset` (the whole list), one
 * `google_bigquery_dataset_access` per entry, and the dataset IAM resources (which read and
 * write that same list as an IAM policy).
 */
export type DatasetAccessWay = 'access-blocks' | 'dataset-access' | 'dataset-iam';

/** The resource types that can manage a dataset's access, and the way each one does. */
export const DATASET_ACCESS_TYPES: ReadonlyArray<readonly [string, DatasetAccessWay]> = [
  [DATASET, 'access-blocks'],
  ['google_bigquery_dataset_access', 'dataset-access'],
  ['google_bigquery_dataset_iam_member', 'dataset-iam'],
  ['google_bigquery_dataset_iam_binding', 'dataset-iam'],
  ['google_bigquery_dataset_iam_policy', 'dataset-iam'],
];

/**
 * True when a `google_bigquery_dataset` writes its access list: it has `access` blocks (or a
 * `dynamic "access"` block) and its lifecycle does not ignore changes to them. Without blocks
 * the provider leaves the list alone (`access` is optional and computed), and with
 * `ignore_changes = [access]` (or `all`) it stops reverting what others add.
 */
export function writesAccessList(dataset: TfResource): boolean {
  const hasBlocks =
    asArray(dataset.body.access).length > 0 || asObject(dataset.body.dynamic).access !== undefined;
  return hasBlocks && !ignoresAccessChanges(dataset);
}

function ignoresAccessChanges(dataset: TfResource): boolean {
  const ignored = asObject(dataset.body.lifecycle).ignore_changes;
  if (ignored === 'all') return true;
  return asArray(ignored).some((name) => name === 'access' || name === 'all');
}

/** A dataset as the rule groups by: `key` is equal for resources managing the same dataset. */
export interface DatasetIdentity {
  readonly key: string;
  /** `analytics in project acme-prod`, for messages. */
  readonly label: string;
}

/**
 * The dataset a resource is or manages. A `dataset_id` that refers to a dataset of the stack
 * (`${google_bigquery_dataset.x.dataset_id}`, or `.id`) means that dataset. Otherwise the
 * dataset is (project, dataset id) with references resolved, the project being the resource's
 * `project` or its provider's; a project that is not known stays as written (an expression, or
 * the provider configuration), so it matches only a resource that writes it the same way.
 */
export function datasetOf(model: StackModel, resource: TfResource): DatasetIdentity | undefined {
  const written = resource.body.dataset_id;
  if (written === undefined || written === null) return undefined;
  const text = String(written);
  if (resource.type !== DATASET) {
    const ref = singleReference(text);
    const dataset = ref && model.resources.get(ref.address);
    if (dataset && dataset.mode === 'managed' && dataset.type === DATASET) {
      return datasetOf(model, dataset);
    }
  }
  const datasetId = model.resolve(text);
  const { project, where } = projectOf(model, resource);
  return { key: `${project}\n${datasetId}`, label: `${datasetId} in ${where}` };
}

/**
 * The project of a resource for grouping, and for messages. A literal project id, else the
 * expression as written (`${var.project}`), else `<provider google>`: neither of the last two
 * can be a project id, so an unknown project never matches a known one.
 */
function projectOf(model: StackModel, resource: TfResource): { project: string; where: string } {
  const known = model.projectOf(resource);
  if (known !== undefined) return { project: known, where: `project ${known}` };
  if (typeof resource.body.project === 'string') {
    const written = model.resolve(resource.body.project);
    return { project: written, where: `project ${written}` };
  }
  const provider = providerOf(resource);
  return { project: `<provider ${provider}>`, where: `the ${provider} provider's project` };
}

/** The provider configuration a resource uses: its `provider` argument, else `google`. */
function providerOf(resource: TfResource): string {
  const provider = resource.body.provider;
  return typeof provider === 'string' ? provider : 'google';
}
