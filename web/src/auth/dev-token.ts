import { request } from "../api/client";

/** Local runtime only: a signed token for one of the seeded demo users. */
export async function requestDevToken(email: string): Promise<string> {
  const { token } = await request<{ token: string }>("/auth/dev/token", {
    method: "POST",
    body: { email },
    anonymous: true,
  });
  return token;
}
