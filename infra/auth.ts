import { Role } from "@linkwork/core/user/role";
import { Duration } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { Cognito, type StackContext } from "sst/constructs";
import { stageSettings } from "./stage";

/** Where the hosted UI sends people back to after signing in; the web app handles it. */
export const signInCallbackPath = "/sign-in/callback";

/**
 * Staff sign in with their email; accounts are created by an admin, never by self sign-up.
 * The organisation is a custom attribute only admins can set: the web client can read it (so it is
 * in the ID token) but not write it. Roles are groups, carried in the token as `cognito:groups`.
 */
export function Auth({ app, stack }: StackContext) {
  const settings = stageSettings(app.stage);
  const auth = new Cognito(stack, "Auth", {
    login: ["email"],
    identityPoolFederation: false,
    cdk: {
      userPool: {
        selfSignUpEnabled: false,
        signInCaseSensitive: false,
        standardAttributes: {
          email: { required: true, mutable: true },
          fullname: { required: false, mutable: true },
        },
        customAttributes: {
          organisation_id: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        },
        // A changed email takes effect only once verified, so nobody signs in as an unproven address.
        keepOriginal: { email: true },
        passwordPolicy: {
          minLength: 12,
          requireLowercase: true,
          requireUppercase: true,
          requireDigits: true,
          requireSymbols: true,
          tempPasswordValidity: Duration.days(3),
        },
        mfa: cognito.Mfa.REQUIRED,
        mfaSecondFactor: { otp: true, sms: false },
        accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
        // Threat protection (compromised credentials, risky sign-ins) needs the Plus plan; staff hold patients' records.
        featurePlan: cognito.FeaturePlan.PLUS,
        standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
        deletionProtection: settings.isProtected,
        removalPolicy: settings.statefulRemovalPolicy,
      },
      userPoolClient: {
        generateSecret: false,
        authFlows: { userSrp: true },
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
          callbackUrls: settings.webOrigins.map((origin) => `${origin}${signInCallbackPath}`),
          logoutUrls: settings.webOrigins.map((origin) => `${origin}/`),
        },
        supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        idTokenValidity: Duration.hours(1),
        accessTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.hours(12),
        readAttributes: new cognito.ClientAttributes()
          .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
          .withCustomAttributes("organisation_id"),
        writeAttributes: new cognito.ClientAttributes().withStandardAttributes({
          email: true,
          fullname: true,
        }),
      },
    },
  });
  const userPool = auth.cdk.userPool;
  const client = auth.cdk.userPoolClient;

  for (const role of Role.options) {
    userPool.addGroup(`Group_${role}`, { groupName: role, description: `Linkwork role: ${role}` });
  }

  const domain = userPool.addDomain("HostedSignIn", {
    cognitoDomain: { domainPrefix: `${app.name}-${app.stage}-${app.account}`.toLowerCase() },
  });

  const issuer = `https://cognito-idp.${stack.region}.amazonaws.com/${userPool.userPoolId}`;
  const jwt = {
    issuer,
    audience: client.userPoolClientId,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
  };
  const hostedDomain = `${domain.domainName}.auth.${stack.region}.amazoncognito.com`;

  stack.addOutputs({
    UserPoolId: userPool.userPoolId,
    UserPoolClientId: client.userPoolClientId,
    HostedSignInDomain: hostedDomain,
  });
  return { auth, userPool, client, jwt, hostedDomain };
}
