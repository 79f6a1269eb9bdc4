/**
 * Every refusal the rules give, in English (issue 24 item 4): `{name}` is a parameter the rule
 * passes, so the same refusal can be said in another language (catalogue-ja.ts) with the same
 * ticket numbers, limits and names. A key ending in a phrase (`op.*`, `cc.reason.*` …) is a part
 * other sentences take as a parameter. `message` in the API is this text, so keep it unchanged.
 */
export const en = {
  // Operation names, as RULES.md names them.
  'op.assign': 'Assign',
  'op.update_field': 'Update a field',
  'op.reply': 'Reply',
  'op.comment': 'Comment',
  'op.merge': 'Merge',
  'op.close': 'Close',
  'op.delete': 'Delete',
  'op.move': 'Move',
  'op.spam': 'Mark as spam',
  'op.macro': 'Run a macro',
  'op.remove_blueprint': 'Remove blueprint',
  'op.update_resolution': 'Update resolution',

  // Channels and statuses as the rules name them (the API's values, in words for Japanese).
  'channel.email': 'email',
  'channel.web': 'web',
  'channel.chat': 'chat',
  'channel.phone': 'phone',
  'channel.social': 'social',
  'channel.forum': 'forum',
  'channel.im': 'im',
  'status.open': 'open',
  'status.on_hold': 'on_hold',
  'status.waiting_on_customer': 'waiting_on_customer',
  'status.escalated': 'escalated',
  'status.closed': 'closed',

  // R-BULK-1
  'bulk.selectOne': 'Select at least one ticket.',
  'bulk.selectionTooLarge': 'You selected {count} tickets; a bulk action runs on at most {max}. Select fewer, or select all tickets in the view to run a mass action instead.',
  'bulk.viewTooLarge': "This view has {count} tickets; a mass action runs on at most {max} per run. Narrow the view's filter and run the action in parts.",
  // R-BULK-2
  'bulk.notBulk': '{operation} cannot run on a bulk selection; use a mass action over a view.',
  'bulk.notMass': '{operation} cannot run as a mass action; select at most {max} tickets and run it as a bulk action.',
  'bulk.notAllDepartments': "{operation} is not available in the all-departments view; open one department's view.",
  'field.cannotSet': 'Cannot set {field}: {why}',
  'field.why.oneOf': 'use one of {values}.',
  'field.why.text': 'it takes text of at most 200 characters, or null.',
  'field.why.notField': 'it is not a field; use {fields} or custom.<name>.',
  'field.effect.close': 'Setting the status to closed is closing the tickets',
  'field.effect.spam': 'Setting the spam flag is marking the tickets as spam',
  'field.effect.move': 'Changing the department is moving the tickets',
  'field.useOperation': '{effect}; use "{operation}" instead of "Update a field" (it runs where R-BULK-2 allows {operation}).',
  'field.effectRefused': '{effect}: {refusal}',
  // R-BULK-3
  'move.needsTwo': 'Moving tickets needs at least two departments; create another department first.',
  'move.sameDepartment': 'The tickets are already in department {department}; choose a different department to move them to.',
  'move.needsPermissionOut': 'You need the permission ticket.move in department {department} to move tickets out of it (ask an admin to grant it to your role).',
  'move.needsPermissionIn': 'You need the permission ticket.move in department {department} to move tickets into it (ask an admin to grant it to your role).',
  // R-BULK-4, R-BULK-5
  'view.kind.spam': 'the spam view',
  'view.kind.shared_open': 'a shared open view',
  'view.kind.shared': 'a shared view',
  'view.kind.archived': 'an archived view',
  'view.noActions': 'No bulk or mass action runs in the view "{view}" because it is {kind}. Open a normal view of the department to act on these tickets.',
  'view.blueprintBulkOnly': 'The view "{view}" is filtered on a blueprint, so it allows bulk actions only, never mass actions. Select at most {max} tickets and run a bulk action.',
  'ticket.spam':
    '#{number} is marked spam, and no bulk or mass action runs on spam tickets (they belong to the spam view). Leave it out of the selection, or mark it not spam on the ticket first.',
  // R-BULK-6, R-BULK-7, R-BULK-8
  'jobs.userLimit': 'You already have {count} jobs queued or running (at most {max} at once); wait for one to finish or cancel a queued one.',
  'jobs.onView': 'A job is already queued or running on the view "{view}"; wait for it to finish before starting another one there. Jobs on other views can start now.',
  'jobs.onThisView': 'A job is already queued or running on this view; wait for it to finish before starting another one there. Jobs on other views can start now.',
  'jobs.alreadyRunning': 'Job {job} is already running and cannot be cancelled (R-BULK-8).',
  // R-BULK-11, R-MERGE-7
  'ticket.alreadyTrashed': '#{number} is already in the trash.',
  'ticket.trashed': '#{number} is in the trash; restore it from the trash first to act on it.',
  'ticket.mergedInto': '#{number} was merged into #{primary}; act on #{primary} instead.',
  'ticket.mergedAway': '#{number} was merged into another ticket; act on another ticket instead.',
  // R-BULK-14, R-BULK-15
  'macro.templateDepartment': 'A macro of department {department} can only reply with templates of department {department}; {which}.',
  'macro.foreignTemplate': 'template {template} is not one of them',
  'macro.foreignTemplates': 'templates {templates} are not among them',
  'blueprint.transition': 'Blueprint "{blueprint}" does not allow {from} → {to}. {next} Remove the blueprint to change the status freely.',
  'blueprint.transitionOn': 'Blueprint "{blueprint}" does not allow {from} → {to} on #{number}. {next} Remove the blueprint to change the status freely.',
  'blueprint.next': 'From {from} it may go to: {allowed}.',
  'blueprint.stuck': 'It cannot leave {from} while the blueprint is applied.',
  'blueprint.otherDepartment': 'Blueprint "{blueprint}" belongs to another department than ticket #{number}; apply one of its own department\'s blueprints.',
  'blueprint.notAState':
    'Ticket #{number} is {status}, which is not a state of blueprint "{blueprint}" ({states}). Change its status to one of those first, then apply the blueprint.',
  'blueprint.newTicketsNeedOpen':
    'Blueprint "{blueprint}" has no transition from or to open (its states: {states}), and new tickets start open; add one to it first, or pick another blueprint.',

  // R-MERGE
  'merge.tooFew': 'Select at least {min} different tickets to merge; you selected {count}.',
  'merge.tooMany': 'You selected {count} tickets; at most {max} can be merged at once. Select {fewer} fewer.',
  'merge.departments': 'The tickets are in different departments ({departments}); only tickets of one department can be merged. Move them into one department first.',
  'merge.alreadyMerged': '#{number} was already merged into #{primary}; merge #{primary} instead.',
  'merge.alreadyMergedUnknown': '#{number} was already merged into another ticket; merge the ticket it was merged into instead.',
  'merge.trashed': '#{number} is in the trash; restore it before merging.',
  'merge.foreignPrimary': 'The primary ticket (id {primary}) is not one of the tickets being merged ({numbers}); pick one of them.',
  'merge.noField': 'There is no field "{field}" to choose when merging; the fields are {fields}.',
  'merge.foreignTicket': 'For the field {field} you chose ticket id {ticketId}, which is not one of the tickets being merged ({numbers}); choose one of them.',
  'merge.tooManyCc':
    "#{number} has {count} secondary contacts, but a ticket keeps at most {max}. Choose another ticket's secondary contacts, or remove {fewer} from #{number} first.",

  // R-CC
  'cc.disabled': "Secondary contacts (CC) are not enabled in department {department}; an admin can turn them on in the department's settings.",
  'cc.needsHelpCenter': 'Secondary contacts need the help center of department {department}, which is off; an admin must turn the help center on first.',
  'cc.tooMany': 'This ticket would have {count} secondary contacts; at most {max} are allowed. Remove {fewer}.',
  'cc.refused': '{address} cannot be a secondary contact: it is {reasons}.',
  'cc.reason.deleted': 'a deleted contact',
  'cc.reason.spam': 'a spam contact',
  'cc.reason.anonymous': 'an anonymous contact',
  'cc.reason.support': 'a support address of department {department}',
  'cc.reason.from': 'a from-address of department {department}',
  'cc.reason.agent': "an agent's address",
  'cc.customersMayNot': "Customers may not add secondary contacts in department {department}; an admin can allow it in the department's settings.",
  'cc.ticketDailyLimit':
    'Ticket #{number} already had {count} addresses added from the help center in the last {hours} hours; at most {max} a day may be added to one ticket. Add this one after {at}, or reply to the ticket and ask support to copy them in.',
  'cc.customerDailyLimit':
    'You added {count} addresses from the help center in the last {hours} hours; at most {max} a day may be added by one customer. Add this one after {at}, or reply to the ticket and ask support to copy them in.',

  // R-REPLY, R-BULK-12
  'reply.noEmail': '#{number} has no contact e-mail address, and bulk reply sends by e-mail. Add an e-mail address to its contact, or leave the ticket out.',
  'reply.spamContact': "#{number}'s contact {email} is marked spam, and a bulk reply never goes to a spam sender. Leave the ticket out, or unmark the contact as spam first.",
  'reply.socialUnknown':
    '#{number} is a social ticket with no known last message; bulk reply only goes to email, web and phone tickets (and social tickets whose last message was e-mail). Reply to it from its own channel.',
  'reply.socialLast':
    '#{number} is a social ticket whose last message came by {channel}; bulk reply only goes to email, web and phone tickets (and social tickets whose last message was e-mail). Reply to it from its own channel.',
  'reply.channel':
    '#{number} is a {channel} ticket; bulk reply only goes to email, web and phone tickets (and social tickets whose last message was e-mail). Reply to it from its own channel.',
  'reply.selectOne': 'Select at least one ticket to reply to.',
  'reply.tooMany': 'You selected {count} tickets; one bulk reply goes to at most {max}. Select {fewer} fewer.',
  'reply.allDepartments': "Bulk reply is not available in the all-departments view; open one department's view.",
  'reply.departments': 'The selected tickets are in {count} departments ({departments}); one bulk reply goes to tickets of one department. Select tickets of one department only.',
  'reply.needsBulkReply': 'You need the permission ticket.bulk_reply in department {department}. Only admins have it by default; ask an admin to grant bulk reply to your role.',
  'reply.unknownPlaceholder': 'Unknown placeholder {unknown}; use one of {known}.',
  'reply.unknownTemplatePlaceholder': 'Unknown placeholder {unknown}; a template may use {known}.',

  // R-PERM
  'perm.missing': 'You need the permission {permission} in department {department} (ask an admin to grant it to your role).',
  'perm.bulkReplyNeedsSend': 'The permission ticket.bulk_reply can only be granted together with ticket.send_email. Grant ticket.send_email too, or remove ticket.bulk_reply.',
  'perm.bulkReplyLacksSend': 'A bulk reply needs ticket.send_email as well as ticket.bulk_reply in department {department}, and you lack ticket.send_email there.',
  'perm.jobOfOther': 'Job {job} was started by another agent: to {action} it you need the permission settings.manage in department {department} (or ask the agent who started it).',
  'perm.jobOfOtherEverywhere':
    'Job {job} was started by another agent: to {action} it you need the permission settings.manage in every department it touches (or ask the agent who started it).',
  'perm.action.cancel': 'cancel',
  'perm.action.resend': 'resend',
  'perm.adminRoleFixed': 'The admin role holds every permission in every department; its permissions cannot be changed.',
  'perm.adminRoleNamed': '{role} is the admin role: it always holds every permission in every department, so it cannot be changed or deleted.',
  'perm.manageSome': 'You need the permission settings.manage in at least one department (ask an admin to grant it to your role).',
  'perm.manageEvery': 'You need the permission settings.manage in department {departments}: {reason}.',
  'perm.manageEveryMany': 'You need the permission settings.manage in departments {departments}: {reason}.',
  'perm.reason.agentWorks': 'agent {agent} works there',
  'perm.reason.rolePermissions': 'role {role} has permissions there',
  'perm.createDepartment': 'Only an admin can create a department: you need the admin role in at least one department.',
  'perm.adminOnlyGrant': '{lead} {permissions} in department {department}, which only an admin of {department} can hand out: ask an admin of {department} to {todo}.',
  'perm.notHeldGrant':
    '{lead} {permissions} in department {department}, which you do not hold there yourself (you can hand out only what you hold): ask an admin of {department} to {todo}.',
  'perm.adminRoleGrant': '{lead} in department {department}, which only an admin of {department} can hand out: ask an admin of {department} to {todo}.',
  'perm.lead.change': 'This change grants',
  'perm.lead.role': 'Role {role} grants',
  'perm.lead.copy': 'Role {role}, which you are copying, grants',
  'perm.lead.heldRole': 'Agent {agent} holds role {role}, which grants',
  'perm.lead.agentRole': "Agent {agent}'s role {role} grants",
  'perm.lead.adminRole': 'Role {role} is an admin role',
  'perm.lead.heldAdminRole': 'Agent {agent} holds the admin role {role}',
  'perm.todo.grantIt': 'grant it',
  'perm.todo.grantThem': 'grant them',
  'perm.todo.giveRole': 'give this role',
  'perm.todo.changeRole': "change {agent}'s role",
  'perm.todo.copy': 'make this copy',
  'perm.todo.manage': 'manage {agent}',
  'perm.agentNowhere':
    'Agent {agent} works in no department yet, so a token of theirs would reach whatever department they join later: only an admin can manage them. Give them a role in a department you manage first, or ask an admin.',
  'perm.contactEdit': 'Editing the contact {contact} needs the permission ticket.edit in a department where they have tickets.',
  'perm.contacts': 'You need the permission {permission} in at least one department to use contacts.',
} as const;

export type RefusalKey = keyof typeof en;
