import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import {
  loadOptionalProvider,
  OPTIONAL_PROVIDERS,
  OptionalProvider,
} from '../core/private/optional-provider';
import { checkOptions } from './private/argument-shapes';
import { SynthesizedStack } from './synthesized-stack';

/** Options of {@link GuardrailsTesting.stack}. */
export interface TestStackProps {
  /**
   * Id of the stack.
   * @default 'test'
   */
  readonly stackId?: string;
  /**
   * Project of the Google providers.
   * @default 'test-project'
   */
  readonly project?: string;
  /**
   * Region of the Google providers.
   * @default 'europe-west1'
   */
  readonly region?: string;
  /**
   * Also add the google-beta provider (needs `@cdktf/provider-google-beta`), e.g. for
   * `VertexEndpointCaller` bound on an endpoint.
   * @default false
   */
  readonly googleBeta?: boolean;
  /**
   * Also add the azurerm provider (needs `@cdktf/provider-azurerm`), for
   * `CrossCloudKeyVaultFederation`.
   * @default false
   */
  readonly azure?: boolean;
}

/**
 * Helpers for testing your own stacks with jest (or any test runner): a stack with the
 * providers, and a synth that runs the library's checks and answers questions about the
 * grants, guardrail findings and access in the Terraform it wrote.
 *
 * @example
 * const stack = GuardrailsTesting.stack();
 * const api = new SecureCloudRunService(stack, 'api', { ... });
 * const synth = GuardrailsTesting.synth(stack);
 * synth.hasNoGrant({ member: 'allUsers' });
 * synth.passesGuardrails();
 * expect(synth.accessSnapshot()).toMatchSnapshot();
 */
export class GuardrailsTesting {
  /**
   * A stack in a fresh test app (`Testing.app()`) with the Google provider, and the
   * google-beta and azurerm providers when asked for.
   */
  public static stack(props: TestStackProps = {}): TerraformStack {
    checkOptions('GuardrailsTesting.stack', 'props', props, {
      stackId: 'string',
      project: 'string',
      region: 'string',
      googleBeta: 'boolean',
      azure: 'boolean',
    });
    const stack = new TerraformStack(Testing.app(), props.stackId ?? 'test');
    const project = props.project ?? 'test-project';
    const region = props.region ?? 'europe-west1';
    new GoogleProvider(stack, 'google', { project, region });
    if (props.googleBeta) {
      const { GoogleBetaProvider } = providerModule<
        typeof import('@cdktf/provider-google-beta/lib/provider')
      >(stack, OPTIONAL_PROVIDERS.googleBeta, 'googleBeta');
      new GoogleBetaProvider(stack, 'google-beta', { project, region });
    }
    if (props.azure) {
      const { AzurermProvider } = providerModule<
        typeof import('@cdktf/provider-azurerm/lib/provider')
      >(stack, OPTIONAL_PROVIDERS.azurerm, 'azure');
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
    }
    return stack;
  }

  /**
   * Synthesizes `stack` as `cdktf synth` does, with every validation on: a construct's
   * synth-time check that fails, an error annotation, or an error of the guardrails when
   * `Guardrails.check` opted the stack (or its app, also before the stack was added) in,
   * throws here with its message. The result asserts on grants and guardrails and gives the
   * access text for snapshots.
   */
  public static synth(stack: TerraformStack): SynthesizedStack {
    return SynthesizedStack.of(stack);
  }

  private constructor() {}
}

/** The `lib/provider` module of an optional provider package, asked for by the prop `prop`. */
function providerModule<T>(scope: IConstruct, provider: OptionalProvider, prop: string): T {
  const name = provider.packageName.replace('@cdktf/provider-', '');
  return loadOptionalProvider<T>(scope, provider, 'provider', {
    prop,
    usedFor: `adds the ${name} provider`,
  });
}
