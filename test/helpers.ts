import { readFileSync } from 'fs';
import { join } from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import {
  App,
  DefaultTokenResolver,
  StringConcat,
  TerraformStack,
  Testing,
  Tokenization,
} from 'cdktf';
import { Errors } from '../lib';

/** A synthesized stack: the Terraform JSON as an object. */
export interface Synthesized {
  resource: Record<string, Record<string, Record<string, any>>>;
  [key: string]: any;
}

export interface StackOptions {
  /** Add the google-beta provider (default true). */
  readonly googleBeta?: boolean;
}

/** A stack with the Google, Google-beta and AzureRM providers, as users' stacks have. */
export function testStack(options: StackOptions = {}): TerraformStack {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new GoogleProvider(stack, 'google', { project: 'acme-prod' });
  if (options.googleBeta ?? true)
    new GoogleBetaProvider(stack, 'google-beta', { project: 'acme-prod' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Synthesizes with validations on (`node.addValidation` checks run) and parses the JSON. */
export function synth(stack: TerraformStack): Synthesized {
  const json = JSON.parse(Testing.synth(stack, true)) as Synthesized;
  json.resource ??= {};
  return json;
}

/** Every resource of one Terraform type, by address name. */
export function resourcesOf(json: Synthesized, type: string): Record<string, any> {
  return json.resource[type] ?? {};
}

/** The resource bodies of one Terraform type. */
export function bodiesOf(json: Synthesized, type: string): any[] {
  return Object.values(resourcesOf(json, type));
}

/** Every resource address (`type.name`) of the synthesized stack, sorted. */
export function addresses(json: Synthesized): string[] {
  return Object.entries(json.resource)
    .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
    .sort();
}

/** Every IAM binding of any `*_iam_member` type, with its type, for cross-cutting assertions. */
export function iamMembers(
  json: Synthesized,
): Array<{ type: string; role: string; member: string; body: any }> {
  return Object.entries(json.resource)
    .filter(([type]) => type.endsWith('_iam_member'))
    .flatMap(([type, byName]) =>
      Object.values(byName).map((body: any) => ({
        type,
        role: body.role,
        member: body.member,
        body,
      })),
    );
}

/** Resolves tokens to the Terraform expressions they synthesize to, e.g. `${google_x.y.email}`. */
export function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, {
    scope: stack,
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
}

/** The Google Cloud IAM catalog copy (test/fixtures/iam, MIT, from the public IAM dataset). */
export interface GcpCatalog {
  roles: Record<string, { stage: string; permissionCount: number | null }>;
  permissions: Record<string, string[]>;
  holders: Record<string, string[]>;
}

export function gcpCatalog(): GcpCatalog {
  return JSON.parse(
    readFileSync(join(__dirname, 'fixtures', 'iam', 'gcp-roles.json'), 'utf8'),
  ) as GcpCatalog;
}

/** The Azure built-in roles copy: names to GUIDs, and details of the Key Vault roles. */
export interface AzureCatalog {
  roles: Record<string, string>;
  details: Record<
    string,
    { id: string; permissions: Array<{ actions: string[]; dataActions: string[] }> }
  >;
}

export function azureCatalog(): AzureCatalog {
  return JSON.parse(
    readFileSync(join(__dirname, 'fixtures', 'iam', 'azure-roles.json'), 'utf8'),
  ) as AzureCatalog;
}

/**
 * The annotations of one level (`@cdktf/warn`, `@cdktf/info`) of every construct in the stack,
 * each as `<construct path>: <message>`. The cdktf CLI prints the path before the message,
 * so a message must not start with it (it would be printed twice).
 */
export function annotationsOf(stack: TerraformStack, level: string): string[] {
  return stack.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === level)
      .map((m) => {
        const message = String(m.data);
        if (message.startsWith(`${c.node.path}:`))
          throw new Error(`annotation of ${c.node.path} repeats its path: ${message}`);
        return `${c.node.path}: ${message}`;
      }),
  );
}

/** The warnings (`Annotations.of(x).addWarning`) of the stack, as `<construct path>: <message>`. */
export function warningsOf(stack: TerraformStack): string[] {
  return annotationsOf(stack, '@cdktf/warn');
}

/** The infos (`Annotations.of(x).addInfo`) of the stack, as `<construct path>: <message>`. */
export function infosOf(stack: TerraformStack): string[] {
  return annotationsOf(stack, '@cdktf/info');
}

/** The message of the library's ValidationError that `make` throws; fails if it throws none or another error. */
export function validationMessage(make: () => unknown): string {
  let error: unknown;
  try {
    make();
  } catch (e) {
    error = e;
  }
  expect({ isValidationError: Errors.isValidationError(error) }).toEqual({
    isValidationError: true,
  });
  return (error as Error).message;
}
