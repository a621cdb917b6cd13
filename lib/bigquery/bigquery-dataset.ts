import { Construct, IConstruct } from 'constructs';
import type { Grant } from '../core/grant';
import type { IGrantable } from '../core/principal';
import { ImportedDataset } from './private/imported-dataset';

/** What names a BigQuery dataset created elsewhere (`BigQueryDataset.fromDatasetId`). */
export interface BigQueryDatasetAttributes {
  /** Project of the dataset. */
  readonly project: string;
  /** Id of the dataset: letters, digits and `_`, up to 1024 characters, e.g. `ml_features`. */
  readonly datasetId: string;
  /**
   * Enable the BigQuery Data Access audit logs of the dataset's project when access is granted
   * (who read and wrote which table). BigQuery writes most of them by default; the audit
   * config makes that explicit, so turning them off shows in an access review.
   * @default true
   */
  readonly auditLogs?: boolean;
}

/** Options of the grant methods of a BigQuery dataset. */
export interface BigQueryGrantOptions {
  /**
   * Also let the grantee run BigQuery jobs (queries, loads, extracts) billed to this project:
   * `roles/bigquery.jobUser` on the project. Jobs belong to a project, not to a dataset, so
   * this is the one project-level grant of the data constructs; the data the jobs can touch
   * is still only what the dataset grants allow. Leave it out for readers that use the
   * BigQuery Storage Read API or `tabledata.list` only.
   * @default - no jobs
   */
  readonly jobsProject?: string;
}

/**
 * A BigQuery dataset that grants table access by the smallest role, on this dataset only
 * (`google_bigquery_dataset_iam_member`). Other constructs (e.g. a VertexPipelineIdentity's
 * data access) take this interface.
 */
export interface IBigQueryDataset extends IConstruct {
  /** Project of the dataset. */
  readonly project: string;
  /** Id of the dataset. */
  readonly datasetId: string;
  /**
   * Lets `grantee` read the dataset's tables and views: `roles/bigquery.dataViewer` on this
   * dataset (23 permissions), plus `roles/bigquery.jobUser` on `options.jobsProject` to query.
   */
  grantRead(grantee: IGrantable, options?: BigQueryGrantOptions): Grant;
  /**
   * Lets `grantee` create tables in the dataset and write, update and delete their data:
   * `roles/bigquery.dataEditor` on this dataset (59 permissions), plus
   * `roles/bigquery.jobUser` on `options.jobsProject` to load and query.
   */
  grantWrite(grantee: IGrantable, options?: BigQueryGrantOptions): Grant;
}

/**
 * BigQuery datasets. The library does not create datasets; `fromDatasetId` names one created
 * elsewhere so that grants on it go through the library's binding helper, registry and checks.
 */
export class BigQueryDataset {
  /**
   * A dataset created elsewhere, by project and id, for `grantRead` and `grantWrite`.
   * Nothing is created; the grants are `google_bigquery_dataset_iam_member` bindings under the
   * stack's shared bindings (every import of one dataset shares them).
   *
   * Dataset IAM resources and a dataset's `access` list (the `access` blocks of
   * `google_bigquery_dataset`, or `google_bigquery_dataset_access`) manage the same policy and
   * fight over it, and binding through IAM removes the dataset's authorized-view entries
   * (provider documentation of `google_bigquery_dataset_iam_member`): do not use this on a
   * dataset managed with `access` entries or holding authorized views. The
   * `bigquery-dataset-access-conflict` guardrail reports it when the same stack writes them.
   *
   * @param scope the construct to import it in
   * @param id the construct id
   * @param attributes project and id of the dataset
   */
  public static fromDatasetId(
    scope: Construct,
    id: string,
    attributes: BigQueryDatasetAttributes,
  ): IBigQueryDataset {
    return new ImportedDataset(scope, id, attributes);
  }

  private constructor() {}
}
