import { IConstruct } from 'constructs';
import { stableId } from './stable-id';

/**
 * Makes one resource per key (e.g. per project and service) and hands the same one out on
 * every later request. Keys are matched twice: by their text first (cheap, for repeated
 * calls with the same strings), then by the stable id their resolved values hash to (so two
 * different tokens for the same reference still share one resource).
 */
export class OncePerKey<T> {
  private readonly byId = new Map<string, T>();
  private readonly byText = new Map<string, T>();

  /** The resource for `key`, made by `create(id)` with a stable construct id the first time. */
  public get(scope: IConstruct, idPrefix: string, key: string[], create: (id: string) => T): T {
    const text = [idPrefix, ...key].join('\n');
    const known = this.byText.get(text);
    if (known) return known;
    const id = stableId(scope, idPrefix, key);
    const resource = this.byId.get(id) ?? create(id);
    this.byId.set(id, resource);
    this.byText.set(text, resource);
    return resource;
  }

  /** Every resource made so far, in order. */
  public values(): T[] {
    return [...this.byId.values()];
  }
}
