// How a synthesized stack manages the access of its BigQuery datasets, and which dataset each
// resource manages. Provider documentation of the three ways and why they fight:
// https://github.com/hashicorp/terraform-provider-google/blob/main/website/docs/r/bigquery_dataset_access.html.markdown
// https://github.com/hashicorp/terraform-provider-google/blob/main/website/docs/r/bigquery_dataset_iam.html.markdown
import type { StackModel, TfResource } from '../../analysis/model';
import { asArray, asObject } from '../../analysis/private/google-access';
import { singleReference } from '../../analysis/private/references';

const DATASET = 'google_bigquery_dataset';
/** The attributes of a dataset that name it (`id` is `projects/{{project}}/datasets/{{dataset_id}}`). */
const DATASET_ATTRIBUTES: ReadonlySet<string> = new Set(['dataset_id', 'id']);

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

/** A dataset: the same (project, datasetId) for every resource that manages it. */
export interface DatasetIdentity {
  /**
   * The literal project id, else the project as written (`${var.project}`), else
   * `<provider google>` for a resource without `project` whose provider's project is not
   * known: neither of the last two can be a project id, so an unknown project never matches a
   * known one, only a resource that leaves it unknown the same way.
   */
  readonly project: string;
  /** The dataset id, references resolved where the JSON gives the value. */
  readonly datasetId: string;
}

/**
 * The dataset a resource is or manages. A `dataset_id` that refers to a dataset of the stack
 * (`${google_bigquery_dataset.x.dataset_id}`, or `.id`) means that dataset. Otherwise the
 * dataset is the resource's own (project, dataset id), the project being its `project` or,
 * without one, its provider's (as the provider does).
 */
export function datasetOf(model: StackModel, resource: TfResource): DatasetIdentity | undefined {
  const written = resource.body.dataset_id;
  if (written === undefined || written === null) return undefined;
  const text = String(written);
  if (resource.type !== DATASET && text.includes('${')) {
    const ref = singleReference(text);
    const dataset =
      ref && DATASET_ATTRIBUTES.has(ref.attribute) && model.resources.get(ref.address);
    if (dataset && dataset.mode === 'managed' && dataset.type === DATASET) {
      return datasetOf(model, dataset);
    }
  }
  return { project: projectOf(model, resource), datasetId: model.resolve(text) };
}

/** `sales in project acme-prod`, `sales in the google provider's project`, for messages. */
export function describeDataset(dataset: DatasetIdentity): string {
  const provider = UNKNOWN_PROJECT.exec(dataset.project);
  const where = provider ? `the ${provider[1]} provider's project` : `project ${dataset.project}`;
  return `${dataset.datasetId} in ${where}`;
}

const UNKNOWN_PROJECT = /^<provider (.*)>$/;

function projectOf(model: StackModel, resource: TfResource): string {
  const known = model.projectOf(resource);
  if (known !== undefined) return known;
  const { project, provider } = resource.body;
  if (typeof project === 'string') return model.resolve(project);
  return `<provider ${typeof provider === 'string' ? provider : 'google'}>`;
}
