import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { verifyCredentials } from '@/lib/accounts/credentials';
import { pseudonymKey } from '@/lib/accounts/rules';
import { secrets } from '@/lib/secrets';
import { SESSION_ABSOLUTE_MS } from '@/db/queries/sessions';
import { readDeviceToken, rememberDevice } from './device-cookie';
import { sessionCookie } from './session-cookie';
import { startSession } from './sessions';

/** Sign-in refused because of too many failures; carries the wait for the message. */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly waitMinutes: number) {
    super();
  }
}

/** Sign-in refused because the password-hashing queue is full: "busy, try again shortly". */
export class BusySignIn extends CredentialsSignin {
  code = 'busy';
}


// Auth.js handles the encrypted cookie; sessions themselves live in the database so they can
// be listed and ended (lib/auth/sessions.ts). No /api/auth route is mounted: sign-in and
// sign-out run only through our server actions, so the session object never reaches a browser.
export const { auth, signIn, signOut } = NextAuth(() => {
  const { name, secure } = sessionCookie();
  return {
    trustHost: true,
    secret: secrets().authSecret,
    useSecureCookies: secure,
    session: { strategy: 'jwt', maxAge: SESSION_ABSOLUTE_MS / 1000 },
    cookies: {
      sessionToken: {
        name,
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    providers: [
      Credentials({
        credentials: { pseudonym: {}, password: {} },
        async authorize(credentials) {
          const pseudonym = typeof credentials.pseudonym === 'string' ? credentials.pseudonym : '';
          const password = typeof credentials.password === 'string' ? credentials.password : '';
          const result = await verifyCredentials(pseudonym, password, await readDeviceToken());
          if (!result.ok) {
            if (result.formError === 'throttled') throw new ThrottledSignIn(result.waitMinutes ?? 1);
            if (result.formError === 'busy') throw new BusySignIn();
            return null;
          }
          await rememberDevice(pseudonymKey(result.account.pseudonym));
          return { id: result.account.id, sessionToken: await startSession(result.account.id) };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // Only what finds the server-side session: no name, e-mail or picture.
        if (user) return { sub: token.sub, st: (user as { sessionToken?: string }).sessionToken };
        return token;
      },
      session({ session, token }) {
        return { ...session, user: undefined, st: token.st } as unknown as typeof session;
      },
    },
    logger: {
      // A wrong password is not an error worth a stack trace (and must not log a pseudonym).
      error(error) {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
      warn() {},
      debug() {},
    },
  };
});
