import type { TfResource } from '../../analysis/model';
import {
  DATASET_ACCESS_TYPES,
  datasetOf,
  DatasetAccessWay,
  DatasetIdentity,
  describeDataset,
  writesAccessList,
} from '../private/bigquery-dataset-access';
import type { Rule, RuleFinding } from '../rule';

/** Addresses listed per way in a message before `and N more`. */
const LISTED = 3;

/**
 * A BigQuery dataset whose access the stack manages in more than one way: `access` blocks on
 * `google_bigquery_dataset` (unless ignored by its lifecycle), `google_bigquery_dataset_access`,
 * and the dataset IAM resources all write the dataset's one access list, so each apply removes
 * what the others added and the grants come and go on alternate applies. The library's own
 * dataset grants (`BigQueryDataset.fromDatasetId(...).grantRead`) are IAM members, so this
 * is the rule that catches them on a dataset written with `access` blocks.
 */
export const bigqueryDatasetAccessConflict: Rule = {
  id: 'bigquery-dataset-access-conflict',
  area: 'bigquery',
  severity: 'error',
  description:
    "A BigQuery dataset's access is managed in two or more ways (access blocks, google_bigquery_dataset_access, dataset IAM resources) that overwrite each other.",
  fix: 'Use one way per dataset: IAM members only (drop the access blocks and google_bigquery_dataset_access; BigQueryDataset grants are IAM members) or access entries only, or add lifecycle ignore_changes = [access] to the dataset.',
  acknowledgeable: true,
  seeAlso: [
    'provider docs: google_bigquery_dataset_access "must either have no defined access blocks or a lifecycle block with ignore_changes = [access]" (https://github.com/hashicorp/terraform-provider-google/blob/main/website/docs/r/bigquery_dataset_access.html.markdown)',
    'provider docs: the dataset IAM resources "cannot be used with google_bigquery_dataset_access resources or the access field on google_bigquery_dataset" (https://github.com/hashicorp/terraform-provider-google/blob/main/website/docs/r/bigquery_dataset_iam.html.markdown)',
  ],
  check: (model) => {
    // One pass: every resource that writes a dataset's access, grouped by project, then dataset id.
    const byProject = new Map<string, Map<string, DatasetAccess>>();
    for (const [type, way] of DATASET_ACCESS_TYPES) {
      for (const resource of model.resourcesOfType(type)) {
        if (way === 'access-blocks' && !writesAccessList(resource)) continue;
        const dataset = datasetOf(model, resource);
        if (!dataset) continue;
        let byId = byProject.get(dataset.project);
        if (!byId) byProject.set(dataset.project, (byId = new Map()));
        let access = byId.get(dataset.datasetId);
        if (!access) byId.set(dataset.datasetId, (access = new DatasetAccess(dataset)));
        access.add(way, resource);
      }
    }
    const findings: RuleFinding[] = [];
    for (const byId of byProject.values()) {
      for (const access of byId.values()) {
        if (access.ways.size > 1) findings.push(access.finding());
      }
    }
    return findings;
  },
};

/** The resources that write one dataset's access, by way. */
class DatasetAccess {
  public readonly ways = new Map<DatasetAccessWay, TfResource[]>();

  constructor(private readonly dataset: DatasetIdentity) {}

  public add(way: DatasetAccessWay, resource: TfResource): void {
    const resources = this.ways.get(way);
    if (resources) resources.push(resource);
    else this.ways.set(way, [resource]);
  }

  /**
   * One finding for the dataset, on the resource whose change the fix names first: the dataset
   * with access blocks, else the first `google_bigquery_dataset_access` (with two ways or more,
   * one of them is never IAM).
   */
  public finding(): RuleFinding {
    const resource = (this.ways.get('access-blocks') ?? this.ways.get('dataset-access'))![0];
    const parts = [...this.ways].map(([way, resources]) => describe(way, resources));
    return {
      resource,
      message: `BigQuery dataset ${describeDataset(this.dataset)} has its access list written by ${parts.join(' and by ')}: each apply removes the entries the others added, so those grants come and go on alternate applies.`,
    };
  }
}

/** `the access blocks of google_bigquery_dataset.x`, `google_bigquery_dataset_iam_member.a, ... and 2 more`. */
function describe(way: DatasetAccessWay, resources: readonly TfResource[]): string {
  const addresses = resources.slice(0, LISTED).map((r) => r.address);
  const more = resources.length > LISTED ? ` and ${resources.length - LISTED} more` : '';
  const list = `${addresses.join(', ')}${more}`;
  return way === 'access-blocks' ? `the access blocks of ${list}` : list;
}
