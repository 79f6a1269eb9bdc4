import type { Agent } from '../../core/schemas/agent';
import type { RoleKind } from '../../core/schemas/role';
import type { AgentAccess } from '../../core/rules/permissions';
import type { Database, Db } from '../db/client';
import type { JobQueue } from '../jobs/queue';
import type { NoticeQueue } from '../mail/notice-queue';
import type { SignInQueue } from '../help-center/sign-in-queue';
import type { TrustedProxies } from './client-address';

export interface AuthContext {
  agent: Agent;
  access: AgentAccess;
  /** The role the agent holds in each of their departments. */
  roleIn: Map<number, { id: number; name: string; kind: RoleKind }>;
}

/** `client`: the client's address, from the socket or a trusted proxy (see identifyClient). */
export type AppEnv = { Variables: { auth: AuthContext; client: string } };

/** What the app is built from; tests build it the same way without a port. */
export interface AppDeps {
  database: Database;
  version: string;
  corsOrigins: string[];
  logRequests: boolean;
  /** Where POST /jobs enqueues; without it jobs are refused (503). */
  jobs?: JobQueue;
  /** Notices (R-CC-5, help-center sign-in links), where sign-in requests wait, and the address customers reach the server at. */
  mail: { notices: NoticeQueue; publicUrl: string; signIns: SignInQueue };
  /** The proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); none by default. */
  trustedProxies?: TrustedProxies;
  /** INBOUND_DSN_SECRET: the bearer token a mail server posts bounces with (null: only agents' tokens). */
  inboundSecret?: string | null;
  /** Serve the demo mailbox at /demo/gmail (npm start). */
  demo?: boolean;
}

export type { Db };
