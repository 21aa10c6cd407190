import { randomBytes } from "node:crypto";
import type { Reply } from "../arm/arm-error.js";
import type { RequestContext } from "../http/context.js";

/** The OpenID configuration MSAL reads before asking for a token. */
export function openIdConfiguration(ctx: RequestContext): Reply {
  const tenant = ctx.params.tenant!;
  const base = `${ctx.endpoint}/${tenant}`;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment", "form_post"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/openid/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ["sub", "iss", "aud", "exp", "iat", "nonce", "tid"],
      tenant_region_scope: "EU",
      cloud_instance_name: "microsoftonline.com",
    },
  };
}

/** Client-credentials token endpoint: any client id and secret get a bearer token. */
export function issueToken(ctx: RequestContext): Reply {
  const form = typeof ctx.body === "string" ? new URLSearchParams(ctx.body) : new URLSearchParams();
  if (!form.get("client_id") || form.get("grant_type") !== "client_credentials") {
    return {
      status: 400,
      body: { error: "invalid_request", error_description: "AADSTS900144: The request body must contain 'client_id' and grant_type=client_credentials.", error_codes: [900144] },
    };
  }
  return {
    status: 200,
    body: {
      token_type: "Bearer",
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: `emulator.${randomBytes(24).toString("base64url")}`,
    },
  };
}
