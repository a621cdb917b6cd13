import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import { Construct } from 'constructs';
import type { Grant } from '../../core/grant';
import type { IGrantable } from '../../core/principal';
import { constructScope } from '../../core/private/construct-args';
import { grantOnImported } from '../../core/private/imported-grant';
import { checkProps, flag, optional, Schema, text } from '../../core/private/shape';
import { validatePattern, validateProjectId } from '../../core/private/validate';
import { IamRole, Roles } from '../../core/roles';
import type {
  BigQueryDatasetAttributes,
  BigQueryGrantOptions,
  IBigQueryDataset,
} from '../bigquery-dataset';
import { allowBigQueryJobs } from './job-user';

const ATTRIBUTES: Schema<BigQueryDatasetAttributes> = {
  project: text({ example: "'acme-prod'" }),
  datasetId: text({ example: "'ml_features'" }),
  auditLogs: optional(flag()),
};
const GRANT_OPTIONS: Schema<BigQueryGrantOptions> = {
  jobsProject: optional(text({ example: "'acme-prod'" })),
};
/** https://cloud.google.com/bigquery/docs/datasets#dataset-naming */
const DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;

/** A BigQuery dataset created elsewhere (`BigQueryDataset.fromDatasetId`). */
export class ImportedDataset extends Construct implements IBigQueryDataset {
  public readonly project: string;
  public readonly datasetId: string;
  private readonly auditLogs: boolean;

  constructor(scope: Construct, id: string, attributes: unknown) {
    super(constructScope('BigQueryDataset.fromDatasetId', scope, id), id);
    const attrs = checkProps(this, attributes, ATTRIBUTES, 'attributes');
    validateProjectId(this, 'attributes.project', attrs.project);
    validatePattern(
      this,
      'attributes.datasetId',
      attrs.datasetId,
      DATASET_ID,
      'must be a dataset id: 1-1024 letters, digits and underscores',
      "Use the id without the project, e.g. 'ml_features' (not 'acme-prod:ml_features' or 'acme-prod.ml_features').",
    );
    this.project = attrs.project;
    this.datasetId = attrs.datasetId;
    this.auditLogs = attrs.auditLogs !== false;
  }

  public grantRead(grantee: IGrantable, options?: BigQueryGrantOptions): Grant {
    return this.grant(Roles.BIGQUERY_DATA_VIEWER, grantee, options);
  }

  public grantWrite(grantee: IGrantable, options?: BigQueryGrantOptions): Grant {
    return this.grant(Roles.BIGQUERY_DATA_EDITOR, grantee, options);
  }

  private grant(role: IamRole, grantee: unknown, givenOptions: unknown): Grant {
    const options =
      givenOptions === undefined || givenOptions === null
        ? {}
        : checkProps(this, givenOptions, GRANT_OPTIONS, 'options');
    const roleName = role.name;
    // https://cloud.google.com/bigquery/docs/reference/auditlogs
    const grant = grantOnImported({
      requester: this,
      role: roleName,
      grantee,
      resource: `bigquery-dataset:${this.project}/${this.datasetId}`,
      project: this.project,
      service: 'bigquery.googleapis.com',
      auditLogs: this.auditLogs,
      create: (scope, id, member, condition) =>
        new BigqueryDatasetIamMember(scope, id, {
          project: this.project,
          datasetId: this.datasetId,
          role: roleName,
          member,
          condition,
        }),
    });
    if (options.jobsProject !== undefined) {
      allowBigQueryJobs(this, grantee, options.jobsProject, 'options.jobsProject');
    }
    return grant;
  }
}
