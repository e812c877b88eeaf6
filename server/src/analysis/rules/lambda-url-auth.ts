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
        fixId: sam ? 'set-sam-auth-type' : 'set-auth-type',
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
        fixId: 'set-auth-type',
      });
    },
  },
  // AWS_IAM: Lambda authenticates and authorises each request with IAM (Lambda developer guide, "Control access to
  // Lambda function URLs"; AWS::Lambda::Url AuthType, SAM FunctionUrlConfig.AuthType and the provider's
  // authorization_type take AWS_IAM or NONE).
  fixes: {
    'set-auth-type': {
      title: 'Set AuthType: AWS_IAM', path: ['AuthType'], value: 'AWS_IAM', safety: 'safe',
      terraform: { title: 'Set authorization_type = "AWS_IAM"', path: ['authorization_type'], value: 'AWS_IAM' },
    },
    'set-sam-auth-type': { title: 'Set FunctionUrlConfig.AuthType: AWS_IAM', path: ['FunctionUrlConfig', 'AuthType'], value: 'AWS_IAM', safety: 'safe' },
  },
}, 'AWS::Serverless::Function', 'Function');
