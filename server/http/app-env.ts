import type { Agent } from '../../core/schemas/agent';
import type { RoleKind } from '../../core/schemas/role';
import type { AgentAccess } from '../../core/rules/permissions';
import type { Database, Db } from '../db/client';
import type { JobQueue } from '../jobs/queue';
import type { NoticeQueue } from '../mail/notice-queue';

export interface AuthContext {
  agent: Agent;
  access: AgentAccess;
  /** The role the agent holds in each of their departments. */
  roleIn: Map<number, { id: number; name: string; kind: RoleKind }>;
}

export type AppEnv = { Variables: { auth: AuthContext } };

/** What the app is built from; tests build it the same way without a port. */
export interface AppDeps {
  database: Database;
  version: string;
  corsOrigins: string[];
  logRequests: boolean;
  /** Where POST /jobs enqueues; without it jobs are refused (503). */
  jobs?: JobQueue;
  /** Notices (R-CC-5, help-center sign-in links) and the address customers reach the server at. */
  mail: { notices: NoticeQueue; publicUrl: string };
  /** INBOUND_DSN_SECRET: the bearer token a mail server posts bounces with (null: only agents' tokens). */
  inboundSecret?: string | null;
  /** Serve the demo mailbox at /demo/gmail (npm start). */
  demo?: boolean;
}

export type { Db };
