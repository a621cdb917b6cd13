import { AccessReader } from '../../lib/cli/access-reader';
import { folderWith } from './cli-helpers';

/** A stack without cdktf's `stackName` metadata (its name is its folder's) granting `role` to a group. */
function stackJson(role: string): string {
  return JSON.stringify({
    resource: {
      google_project_iam_member: {
        ops: { project: 'acme-prod', role, member: 'group:ops@example.com' },
      },
      random_id: { suffix: { byte_length: 4 } },
    },
  });
}

describe('AccessReader', () => {
  test('works out a stack whose file is byte-identical in two outputs once, and names it by its folder', () => {
    // GIVEN a base and a head output where stack `a` is unchanged, `b` differs, and `c` holds
    // the text of `a` under another name
    const viewer = stackJson('roles/logging.viewer');
    const base = folderWith({
      'stacks/a/cdk.tf.json': viewer,
      'stacks/b/cdk.tf.json': stackJson('roles/logging.viewer'),
    });
    const head = folderWith({
      'stacks/a/cdk.tf.json': viewer,
      'stacks/b/cdk.tf.json': stackJson('roles/logging.admin'),
      'stacks/c/cdk.tf.json': viewer,
    });
    // WHEN one reader reads both
    const reader = new AccessReader();
    const before = reader.snapshot(base);
    const after = reader.snapshot(head);
    // THEN the unchanged stack's entries are the very same objects on both sides
    const grantOf = (s: typeof before, stack: string) => s.grants.find((g) => g.stack === stack)!;
    expect(grantOf(after, 'a')).toBe(grantOf(before, 'a'));
    // AND a changed stack, or the same text under another name, is read on its own
    expect(grantOf(after, 'b')).not.toBe(grantOf(before, 'b'));
    expect(grantOf(after, 'b').role).toBe('roles/logging.admin');
    expect(grantOf(after, 'c')).toMatchObject({ stack: 'c', role: 'roles/logging.viewer' });
    expect(after.stacks).toEqual(['a', 'b', 'c']);
    expect(after.ignored).toEqual({ count: 3, types: ['random_id'] });
    // AND each snapshot is sorted unless asked otherwise
    expect(after.grants.map((g) => `${g.role} ${g.stack}`)).toEqual([
      'roles/logging.admin b',
      'roles/logging.viewer a',
      'roles/logging.viewer c',
    ]);
  });
});
