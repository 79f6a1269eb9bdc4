import { z } from 'zod';
import {
  BlueprintCreate,
  BlueprintPatch,
  DepartmentMail,
  DepartmentMailPatch,
  MacroCreate,
  MacroPatch,
  TemplateCreate,
  TemplatePatch,
} from './admin';
import {
  AdminAgent,
  AgentCreate,
  AgentPatch,
  ApiToken,
  DepartmentCreate,
  DepartmentPatch,
  MembershipPut,
  RoleCreate,
  RolePermissionsPut,
  Team,
  TeamCreate,
  TeamPatch,
  TokenCreate,
  TokenCreated,
} from './admin-people';
import { Id } from './common';
import { Department } from './department';
import { Role } from './role';
import { Blueprint, Macro, Template } from './template';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface AdminOp {
  method: Method;
  /** Under /api/v1; `:name` segments are filled from `params`. */
  path: string;
  params?: z.ZodType<Record<string, number>>;
  query?: z.ZodType<Record<string, number | undefined>>;
  body?: z.ZodType;
  response: z.ZodType;
}

const op = <const T extends AdminOp>(spec: T) => spec;
const ById = z.object({ id: Id }).strict();
const ByDepartment = z.object({ departmentId: Id.optional() }).strict();
/** What every admin DELETE answers: which row went. */
export const Removed = z.object({ id: Id, removed: z.literal(true) });
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/**
 * Every backend call the admin console makes, in one table: the options page names an operation,
 * the background checks its input and the backend's answer against these schemas. Each route
 * re-checks settings.manage in the department it touches (R-PERM-1/5).
 */
export const adminOps = {
  'roles.list': op({ method: 'get', path: '/roles', response: items(Role) }),
  'roles.create': op({ method: 'post', path: '/roles', body: RoleCreate, response: Role }),
  'roles.setPermissions': op({
    method: 'put',
    path: '/roles/:id/departments/:departmentId',
    params: z.object({ id: Id, departmentId: Id }).strict(),
    body: RolePermissionsPut,
    response: Role,
  }),
  'roles.remove': op({ method: 'delete', path: '/roles/:id', params: ById, response: Removed }),

  'agents.list': op({ method: 'get', path: '/agents', response: items(AdminAgent) }),
  'agents.create': op({ method: 'post', path: '/agents', body: AgentCreate, response: AdminAgent }),
  'agents.update': op({ method: 'patch', path: '/agents/:id', params: ById, body: AgentPatch, response: AdminAgent }),
  'agents.setRole': op({
    method: 'put',
    path: '/agents/:id/departments/:departmentId',
    params: z.object({ id: Id, departmentId: Id }).strict(),
    body: MembershipPut,
    response: AdminAgent,
  }),

  'teams.list': op({ method: 'get', path: '/teams', query: ByDepartment, response: items(Team) }),
  'teams.create': op({ method: 'post', path: '/teams', body: TeamCreate, response: Team }),
  'teams.update': op({ method: 'patch', path: '/teams/:id', params: ById, body: TeamPatch, response: Team }),
  'teams.remove': op({ method: 'delete', path: '/teams/:id', params: ById, response: Removed }),

  'tokens.list': op({ method: 'get', path: '/tokens', query: z.object({ agentId: Id.optional() }).strict(), response: items(ApiToken) }),
  'tokens.create': op({ method: 'post', path: '/tokens', body: TokenCreate, response: TokenCreated }),
  'tokens.revoke': op({ method: 'delete', path: '/tokens/:id', params: ById, response: ApiToken }),

  'departments.create': op({ method: 'post', path: '/departments', body: DepartmentCreate, response: Department }),
  'departments.update': op({ method: 'patch', path: '/departments/:id', params: ById, body: DepartmentPatch, response: Department }),
  'departments.mail': op({ method: 'get', path: '/departments/:id/mail', params: ById, response: DepartmentMail }),
  'departments.setMail': op({ method: 'patch', path: '/departments/:id/mail', params: ById, body: DepartmentMailPatch, response: DepartmentMail }),

  'templates.list': op({ method: 'get', path: '/templates', query: ByDepartment, response: items(Template) }),
  'templates.create': op({ method: 'post', path: '/templates', body: TemplateCreate, response: Template }),
  'templates.update': op({ method: 'patch', path: '/templates/:id', params: ById, body: TemplatePatch, response: Template }),
  'templates.remove': op({ method: 'delete', path: '/templates/:id', params: ById, response: Removed }),

  'macros.list': op({ method: 'get', path: '/macros', query: ByDepartment, response: items(Macro) }),
  'macros.create': op({ method: 'post', path: '/macros', body: MacroCreate, response: Macro }),
  'macros.update': op({ method: 'patch', path: '/macros/:id', params: ById, body: MacroPatch, response: Macro }),
  'macros.remove': op({ method: 'delete', path: '/macros/:id', params: ById, response: Removed }),

  'blueprints.list': op({ method: 'get', path: '/blueprints', query: ByDepartment, response: items(Blueprint) }),
  'blueprints.create': op({ method: 'post', path: '/blueprints', body: BlueprintCreate, response: Blueprint }),
  'blueprints.update': op({ method: 'patch', path: '/blueprints/:id', params: ById, body: BlueprintPatch, response: Blueprint }),
  'blueprints.remove': op({ method: 'delete', path: '/blueprints/:id', params: ById, response: Removed }),
} as const;

export type AdminOpName = keyof typeof adminOps;
export const AdminOpName = z.enum(Object.keys(adminOps) as [AdminOpName, ...AdminOpName[]]);

type Spec<K extends AdminOpName> = (typeof adminOps)[K];
type Field<K extends AdminOpName, F extends string> = Spec<K> extends Record<F, infer S extends z.ZodType> ? { [P in F]: z.input<S> } : { [P in F]?: never };

/** What the options page passes for one operation: only the parts the operation has. */
export type AdminInput<K extends AdminOpName> = Field<K, 'params'> & Field<K, 'query'> & Field<K, 'body'>;
export type AdminOutput<K extends AdminOpName> = z.output<Spec<K>['response']>;

/** The message that carries one operation from the options page to the background. */
export const AdminCall = z
  .object({
    op: AdminOpName,
    params: z.record(z.string(), z.number()).optional(),
    query: z.record(z.string(), z.number().optional()).optional(),
    body: z.unknown().optional(),
  })
  .strict();
export type AdminCall = z.infer<typeof AdminCall>;

/** Fills `:name` segments; the values were checked by the operation's params schema. */
export function adminPath(path: string, params: Record<string, number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => String(params[name]));
}
