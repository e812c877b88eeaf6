// Terraform only: the account password policy (aws_iam_account_password_policy); CloudFormation has no resource
// for it. Absent arguments take IAM's weak defaults (length 8, no character classes).
import { settingMeta, isTrue, judgeSetting } from './support';
import type { RuleOutcome, Rule } from './support';

const MIN_LENGTH = 14;
const CLASSES = ['require_symbols', 'require_numbers', 'require_uppercase_characters', 'require_lowercase_characters'];

export const iamPasswordPolicy: Rule = {
  meta: settingMeta('iam-password-policy', []),
  terraform: {
    check(resource, context) {
      const outcomes: RuleOutcome[] = [
        ...judgeSetting(resource.body, resource.anchor, context.resolver, {
          path: ['minimum_password_length'],
          isCompliant: (value) => Number(value) >= MIN_LENGTH,
          absent: { kind: 'missed', message: `IAM users may use passwords of 8 characters; set it to ${MIN_LENGTH} or more.` },
          consequence: `shorter than ${MIN_LENGTH} characters, so IAM user passwords are easier to guess.`,
        }),
        ...CLASSES.flatMap((argument) => judgeSetting(resource.body, resource.anchor, context.resolver, {
          path: [argument],
          isCompliant: isTrue,
          absent: { kind: 'missed', message: 'IAM user passwords need not mix character classes; set it to true.' },
          consequence: 'IAM user passwords need not mix character classes.',
        })),
      ];
      const problems = outcomes.filter((outcome) => outcome.kind === 'finding' || outcome.kind === 'depends');
      if (problems.length > 0) return problems;
      // A value we cannot read decides nothing: never addressed.
      const unknown = outcomes.find((outcome) => outcome.kind === 'unknown');
      return unknown ? [unknown] : [{ kind: 'addressed', detail: `Passwords need ${MIN_LENGTH} or more characters of every class.` }];
    },
  },
};
