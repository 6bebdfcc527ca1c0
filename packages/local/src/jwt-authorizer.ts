import { randomBytes } from "node:crypto";
import { isPublicRoute } from "@linkwork/core/http/public-routes";
import { createLocalJWKSet, errors, type JSONWebKeySet, jwtVerify } from "jose";

export interface JwtAuthorizerConfig {
  issuer: string;
  audience: string[];
  jwks: JSONWebKeySet;
}

/** API Gateway's JWT authorizers accept RSA signatures only. */
const rsaAlgorithms = ["RS256", "RS384", "RS512"];

/**
 * The deployed HTTP API's JWT authorizer, played locally in front of the API Lambda. Infra puts it
 * on `ANY /api/{proxy+}` and leaves the public routes and CORS preflights (`OPTIONS`) open; it
 * checks the token's signature, issuer, audience and times, and refuses with API Gateway's own
 * 401 before the Lambda runs. It knows nothing of user records or token age: the Lambda checks
 * those itself. Returns the refusal, or undefined when the request may go on to the Lambda.
 */
export function createJwtAuthorizer(config: JwtAuthorizerConfig) {
  const keys = createLocalJWKSet(config.jwks);
  return async (request: Request): Promise<Response | undefined> => {
    const { pathname } = new URL(request.url);
    if (request.method === "OPTIONS" || isPublicRoute(request.method, pathname)) return undefined;
    const source = request.headers.get("authorization") ?? "";
    // The identity source may hold the token alone or prefixed with "Bearer ".
    const token = source.startsWith("Bearer ") ? source.slice("Bearer ".length) : source;
    if (token === "") return unauthorised();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: rsaAlgorithms,
      });
      if (typeof payload.iat === "number" && payload.iat > Date.now() / 1000) {
        return unauthorised("the token is not valid yet");
      }
      return undefined;
    } catch (error) {
      return unauthorised(describe(error));
    }
  };
}

/**
 * API Gateway's refusal: `{"message":"Unauthorized"}`. Without a token the challenge is the bare
 * `Bearer` of RFC 6750; with one it names the problem in the layout AWS documents
 * (`Bearer scope="" error="invalid_token" error_description="..."`).
 */
function unauthorised(description?: string): Response {
  const challenge =
    description === undefined
      ? "Bearer"
      : `Bearer scope="" error="invalid_token" error_description="${description}"`;
  return new Response(JSON.stringify({ message: "Unauthorized" }), {
    status: 401,
    headers: {
      "content-type": "application/json",
      "www-authenticate": challenge,
      "apigw-requestid": randomBytes(12).toString("base64url"),
    },
  });
}

/** AWS publishes only the audience wording; the others follow its style. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return "the token does not have a valid audience";
    if (error.claim === "iss") return "the token does not have a valid issuer";
    if (error.claim === "nbf") return "the token is not valid yet";
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JOSEAlgNotAllowed
  ) {
    return "the token signature is invalid";
  }
  return "the token is not a valid JWT";
}
