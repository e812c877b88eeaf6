// A function URL with AuthType NONE is a public, unauthenticated endpoint (AWS::Lambda::Url and SAM FunctionUrlConfig).
import { settingMeta, checkSetting, judgeSetting, withSamGlobals } from './support';
import type { Rule } from './support';

const consequence = 'anyone on the internet can invoke the function through its URL without signing in; use AWS_IAM, or authenticate every request in the function code.';

// SAM copies Globals.Function.FunctionUrlConfig onto every AWS::Serverless::Function (samtranslator's Globals
// supported properties for Function include FunctionUrlConfig), so a URL made public there counts for each function.
export const lambdaUrlAuth: Rule = withSamGlobals({
  meta: settingMeta('lambda-url-auth', ['AWS::Lambda::Url', 'AWS::Serverless::Function'], { terraform: ['aws_lambda_function_url'] }),
  cloudformation: {
    check(resource, context) {
      const sam = resource.type === 'AWS::Serverless::Function';
      return checkSetting(resource, context, {
        path: sam ? ['FunctionUrlConfig', 'AuthType'] : ['AuthType'],
        isCompliant: (value) => String(value).toUpperCase() === 'AWS_IAM',
        absent: sam
          ? { kind: 'not-applicable', detail: 'The function has no function URL.' }
          : { kind: 'not-applicable', detail: 'AuthType is required.' },
        consequence,
      });
    },
  },
  terraform: {
    check(resource, context) {
      return judgeSetting(resource.body, resource.anchor, context.resolver, {
        path: ['authorization_type'],
        isCompliant: (value) => String(value).toUpperCase() === 'AWS_IAM',
        absent: { kind: 'not-applicable', detail: 'authorization_type is required.' },
        consequence,
      });
    },
  },
}, 'AWS::Serverless::Function', 'Function');
