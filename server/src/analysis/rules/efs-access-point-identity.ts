// EFS access points should pin both the POSIX identity and a root directory below "/" (FSBP EFS.3 and EFS.4):
// two properties of one setting, so one rule that checks both, in both formats.
import { checkSetting, judgeSetting, settingRule } from './support';
import type { RuleOutcome, Rule, SettingCheck } from './support';

const base = settingRule({
  setting: 'efs-access-point-identity',
  cloudformation: { compliant: { present: true }, consequence: 'clients choose their own user and group ids on the file system.' },
});

/** The two checks; `user` and `root` are the paths of the user id and the root directory path in the format. */
function checks(user: readonly string[], root: readonly string[]): [SettingCheck, SettingCheck] {
  return [
    {
      path: user,
      isCompliant: () => true,
      presenceIsEnough: true,
      absent: { kind: 'missed', message: 'clients choose their own user and group ids, so file permissions do not limit what they can read.' },
      consequence: 'clients choose their own user and group ids.',
    },
    {
      path: root,
      isCompliant: (value) => String(value).replace(/\/+$/, '') !== '',
      absent: { kind: 'missed', message: 'the access point exposes the whole file system from its root ("/").' },
      consequence: 'the access point exposes the whole file system from its root.',
    },
  ];
}

const CFN_CHECKS = checks(['PosixUser', 'Uid'], ['RootDirectory', 'Path']);
const TF_CHECKS = checks(['posix_user', 'uid'], ['root_directory', 'path']);

function both(user: RuleOutcome[], root: RuleOutcome[]): RuleOutcome[] {
  const problems = [...user, ...root].filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
  if (problems.length > 0) return problems;
  // Either half unreadable: the access point cannot be called addressed.
  const unknown = [...user, ...root].find((outcome) => outcome.kind === 'unknown');
  return unknown ? [unknown] : [...user, ...root];
}

export const efsAccessPointIdentity: Rule = {
  ...base,
  cloudformation: {
    check(resource, context) {
      return both(checkSetting(resource, context, CFN_CHECKS[0]), checkSetting(resource, context, CFN_CHECKS[1]));
    },
  },
  terraform: {
    check(resource, context) {
      const judge = (check: SettingCheck) => judgeSetting(resource.body, resource.anchor, context.resolver, check);
      return both(judge(TF_CHECKS[0]), judge(TF_CHECKS[1]));
    },
  },
};
