// EFS access points should pin both the POSIX identity and a root directory below "/" (FSBP EFS.3 and EFS.4):
// two properties of one setting, so one rule that checks both.
import type { Rule } from './rule';
import { checkSetting } from './setting';
import { settingRule } from './settingRule';

const base = settingRule({
  setting: 'efs-access-point-identity',
  cloudformation: { compliant: { present: true }, consequence: 'clients choose their own user and group ids on the file system.' },
});

export const efsAccessPointIdentity: Rule = {
  ...base,
  cloudformation: {
    check(resource, context) {
      const user = checkSetting(resource, context, {
        path: ['PosixUser', 'Uid'],
        isCompliant: () => true,
        presenceIsEnough: true,
        absent: { kind: 'missed', message: 'clients choose their own user and group ids, so file permissions do not limit what they can read.' },
        consequence: 'clients choose their own user and group ids.',
      });
      const root = checkSetting(resource, context, {
        path: ['RootDirectory', 'Path'],
        isCompliant: (value) => String(value).replace(/\/+$/, '') !== '',
        absent: { kind: 'missed', message: 'the access point exposes the whole file system from its root ("/").' },
        consequence: 'the access point exposes the whole file system from its root.',
      });
      const problems = [...user, ...root].filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
      return problems.length > 0 ? problems : [...user, ...root];
    },
  },
};
