/**
 * The starting text of the editor for an organization's new question or role guide: a complete document that the
 * server accepts as it is (the format of content/questions/*.md and content/roles/*.md, with `slug` for `id`), so an
 * editor learns the format by changing a working example rather than by reading a schema. The `#` lines are YAML
 * comments: they explain the fields and are dropped when the document is saved.
 */

export const QUESTION_TEMPLATE = `---
# Your own question, in the format of Loopcoach's questions: YAML front matter
# between the two "---" lines, then the model answer in Markdown (what a strong
# candidate would say, shown after an attempt). Lines starting with # are notes
# for you and are not saved. Change this example into your question, then save.
#
# slug: its address is org/<slug>; lowercase words joined by hyphens. It cannot
# change once saved.
slug: admin-console-audit-log
title: Design the audit log for our admin console
# roles: ids of role guides (see "Role guides and their stages" by the
# editor); the first is its home.
roles: [backend]
# stage: a stage id from each role's loop. levels: intern, entry, mid, senior,
# staff, principal, manager (at least one of them must get that stage).
stage: api-schema-design
levels: [mid, senior]
difficulty: medium
skills: [api-design, data-modeling, postgresql, security, compliance]
timeBudgetMinutes: 40
prompt: >-
  Our support and operations staff use an internal admin console to refund
  orders, change a customer's plan and reset two-factor authentication. Security
  wants an audit log of every one of those actions. Design it: the table, the
  API that writes and reads entries, how the console's screens search it, and
  how you make sure an entry cannot be quietly changed or lost.
whyAsked: >-
  We ask it because our team owns several internal tools where a wrong click
  moves money. It shows whether a candidate models an append-only record with
  the right fields, writes the entry in the same transaction as the change it
  describes, and designs reads around how people actually investigate.
# approach: the answer framework, in order (at least 3 steps).
approach:
  - step: Ask who reads the log and why
    detail: >-
      Security investigates incidents, support answers "who changed this
      account", and auditors sample entries once a year. Ask how long entries
      are kept and which fields are personal data, because that decides
      retention, indexes and who may read what.
  - step: Model an append-only entry
    detail: >-
      One row per action: who acted, on behalf of which customer, what they did,
      the before and after values of what changed, when, from which session, and
      why (a required reason or ticket number).
  - step: Write the entry with the change itself
    detail: >-
      Insert the audit row in the same database transaction as the refund or
      plan change, so there is never a change without its entry or an entry for
      a change that rolled back.
  - step: Design reads for investigations
    detail: >-
      Filter by customer, by staff member and by action over a time range,
      newest first, with cursor pagination and an index for each of those access
      paths.
  - step: Make tampering visible
    detail: >-
      No UPDATE or DELETE grants for the application role, a hash chain or
      periodic export to write-once storage, and an alert when the chain does
      not verify.
# rubric: what a strong answer shows (at least 3). weight: 1 (nice to have) to
# 5 (essential). signals: phrases that show the point in a spoken answer;
# feedback listens for them and their paraphrases.
rubric:
  - id: clarifies-readers-and-retention
    weight: 3
    point: >-
      Asks who reads the log and for what, how long entries are kept, and which
      fields hold personal data before designing the table.
    signals:
      - who reads the audit log
      - how long do we keep it
      - retention period
      - personal data in the entries
  - id: append-only-entry-model
    weight: 4
    point: >-
      Models an append-only entry with actor, subject customer, action, before
      and after values, timestamp and a required reason, rather than a free-text
      message.
    signals:
      - append only
      - who did it and to which customer
      - before and after values
      - a required reason or ticket
  - id: same-transaction-write
    weight: 5
    point: >-
      Writes the audit entry in the same transaction as the change, so an action
      and its entry commit or roll back together.
    signals:
      - same transaction
      - commit together
      - never a change without its entry
      - roll back together
  - id: investigation-reads
    weight: 3
    point: >-
      Designs the read API around investigations: filters by customer, staff
      member, action and time, with cursor pagination and an index per access
      path.
    signals:
      - filter by customer
      - cursor pagination
      - index on customer and time
      - newest first
  - id: tamper-evidence
    weight: 4
    point: >-
      Makes tampering detectable: no update or delete permission for the
      application, a hash chain or export to write-once storage, and an alert
      when verification fails.
    signals:
      - no update or delete permission
      - hash chain
      - write once storage
      - alert if the chain breaks
# mistakes: common mistakes (at least 2), with the phrases that give them away.
mistakes:
  - id: log-after-commit
    mistake: >-
      Writes the audit entry after the change commits, from application code or
      a log line.
    why: >-
      A crash between the two leaves a refund with no record of who issued it,
      which is exactly the gap an auditor or an investigator finds.
    recognise: >-
      The entry is written by a separate call, a background job or the
      application logger, with no link to the change's transaction.
    signals:
      - write it to the logs
      - after the refund succeeds
      - a background job records it
  - id: mutable-entries
    mistake: >-
      Lets the application update or delete audit entries like any other table.
    why: >-
      Anyone with the application's credentials can rewrite history, so the log
      proves nothing in the one situation it exists for.
    recognise: >-
      The design has an edit endpoint for entries, or the same database role
      that serves the console owns the table with full rights.
    signals:
      - update the entry
      - soft delete old entries
# followUps: what the interviewer asks next (at least 2).
followUps:
  - question: >-
      A customer asks us to delete their personal data. What happens to their
      audit entries?
    probes: >-
      Retention against privacy law, and separating identity from the record of
      an action.
    strongAnswer: >-
      Keep the entries, because the legal basis for an audit trail usually
      outlives the account, but store personal details in a separate table keyed
      by a pseudonymous id, and erase or encrypt that mapping on request so the
      entries stay complete without naming the person.
  - question: >-
      The log has grown to two billion rows and the customer search is slow.
      What do you do?
    probes: Partitioning, index design and moving cold data out of the hot path.
    strongAnswer: >-
      Partition by month so queries touch recent partitions and old ones can be
      detached, keep a composite index on customer and time in each partition,
      and move entries past the retention of the console to cheaper storage that
      auditors query separately.
# hints: nudges in practice mode, from gentle to specific (at least 1).
hints:
  - Start by asking who will read these entries, and for what.
  - What happens if the refund commits but the audit write fails?
  - Think about what stops an administrator from editing the log itself.
---

## Clarify
Security investigates incidents, support answers "who changed this account and
why", and auditors sample entries each year. I would assume entries are kept for
seven years, that customer names and emails are personal data, and that the
console does a few thousand actions a day, so volume is small but the record
must be complete and trustworthy.

## The entry
One append-only table, \`admin_audit_entries\`: an id, \`occurred_at\`, the
staff member's id and session id, the customer id, the action
(\`refund.issued\`, \`plan.changed\`, \`mfa.reset\`), the before and after
values as JSON, and a required reason or ticket number. The console refuses the
action without a reason.

## Writing it
The refund and its audit entry are inserted in the same transaction, so they
commit or roll back together; there is never a refund without its entry. The
application's database role may INSERT and SELECT on the table but not UPDATE or
DELETE it.

## Reading it
\`GET /admin/audit-entries?customerId=&actorId=&action=&from=&to=&cursor=\`
returns entries newest first with a cursor. Indexes on (customer_id, occurred_at
desc) and (actor_id, occurred_at desc) serve the two investigations people
actually run.

## Tamper evidence
Each entry stores a hash of its content and the previous entry's hash. A nightly
job verifies the chain and exports the day's entries to write-once object
storage; a break in the chain pages the security on-call.

## Trade-offs
Writing in the same transaction adds a little latency to each action, which is
irrelevant at this volume. A hash chain serialises inserts, which is fine for
thousands of actions a day but would need per-partition chains at much higher
volume.
`;

export const GUIDE_TEMPLATE = `---
# Your own role guide, in the format of Loopcoach's guides: YAML front matter
# between the two "---" lines, then an overview of the role and its interviews
# in Markdown. Lines starting with # are notes for you and are not saved. Change
# this example into your own interview loop, then save.
#
# slug: the guide's id is org-<slug>; lowercase words joined by hyphens. It
# cannot change once saved. Your questions name it in their roles (org-<slug>)
# and one of its stage ids as their stage.
slug: platform-engineer
title: Platform Engineer
summary: >-
  Our platform engineers build the deployment pipeline, the Kubernetes clusters
  and the internal tools every product team ships through. The loop is a
  recruiter call, a pairing session on a real infrastructure task, an
  infrastructure design round and a conversation about working with the teams
  who use the platform.
timeToOffer:
  minWeeks: 3
  maxWeeks: 5
  note: >-
    Most candidates finish in three weeks; the design round and the team
    conversation are usually booked on the same afternoon, and we decide within
    three working days of it.
difficulty:
  rating: 3
  label: Broad, hands-on
  explanation: >-
    No algorithm puzzles: every round uses problems from our own platform. The
    hard part is breadth, from shell and YAML in the pairing session to capacity
    and failure domains in the design round.
# stages: the loop, in order (at least 2). levels: intern, entry, mid, senior,
# staff, principal, manager.
stages:
  - id: recruiter-call
    name: Recruiter call
    durationMinutes: 30
    format: Video call, conversational, no code.
    interviewer: Someone from our talent team.
    probes:
      - What you have built or run on a platform team, and for how many engineers.
      - Logistics such as notice period, location and salary expectations.
    levels: [entry, mid, senior, staff]
    description: >-
      A conversation about your background and what you want next, and a walk
      through the rest of the loop. Ask anything about the team here; nothing in
      this call is a trick.
    howToPrepare:
      - Prepare two minutes on the platform you know best, its scale and your part.
      - Have questions ready about how product teams use the platform today.
  - id: pairing-session
    name: Pairing session
    durationMinutes: 75
    format: Shared terminal and editor on a small copy of our deployment repository.
    interviewer: Two platform engineers, one driving the conversation and one taking notes.
    probes:
      - Reading unfamiliar infrastructure code and finding why a deployment fails.
      - Making a small, safe change and explaining how you would roll it out.
    levels: [entry, mid, senior, staff]
    description: >-
      You get a repository with a failing deployment and a feature request. We
      care how you investigate, what you check before changing anything, and how
      you talk through the change, not how fast you type.
    howToPrepare:
      - Practise reading Kubernetes manifests and CI pipeline files you did not write.
      - Say out loud what you expect each command to show before you run it.
  - id: infrastructure-design
    name: Infrastructure design
    durationMinutes: 60
    format: Video call with a shared whiteboard.
    interviewer: A senior or staff platform engineer.
    probes:
      - Designing platform pieces, such as preview environments, for 40 teams.
      - Failure domains, capacity, cost and how teams migrate onto it.
    levels: [mid, senior, staff]
    description: >-
      A design problem taken from our roadmap. We expect you to ask who the
      users are, size the problem, propose a design with its failure modes, and
      explain how teams would adopt it without a big-bang move.
    howToPrepare:
      - Practise designing internal platforms with the product teams as your customers.
      - Prepare numbers for what a cluster, a CI runner and a database cost you today.
  - id: team-conversation
    name: Team conversation
    durationMinutes: 45
    format: Video call, behavioral questions and your questions for us.
    interviewer: >-
      The engineering manager and an engineer from a product team that uses the
      platform.
    probes:
      - How you decided what to build when several teams asked for different things.
      - A time a change you made broke something for other teams, and what you did.
    levels: [entry, mid, senior, staff]
    description: >-
      Stories from your work, told with the situation, what you did and the
      result. The product engineer in the room checks whether you treat the
      teams who use the platform as customers.
    howToPrepare:
      - Prepare four stories with numbers, including one about a mistake you made and fixed.
      - Think about how you learn what the teams who use your tools actually need.
# levelDifferences: how the loop changes by level (at least 1).
levelDifferences:
  - level: mid
    summary: >-
      All four rounds. We look for a sound design with some steering from the
      interviewer and careful, well-explained changes in the pairing session.
  - level: senior
    summary: >-
      The design round carries the most weight. You drive it yourself, raise
      failure modes and migration unprompted, and show in the team conversation
      that you led work across teams.
# tips (at least 3) and faq (at least 3).
tips:
  - title: Investigate before you change
    body: >-
      In the pairing session, read the logs and the diff of the last change
      before editing anything, and say what you are ruling out as you go.
  - title: Treat product teams as customers
    body: >-
      In every round, say who will use what you build, how you would learn what
      they need, and how you would know the platform made their work easier.
  - title: Bring numbers
    body: >-
      Deploy times, pages per week, cost per environment: concrete numbers from
      your own work make design answers and stories far more convincing.
faq:
  - question: Which cloud provider do you use?
    answer: >-
      Mostly one public cloud with Kubernetes, but no round depends on a
      provider's own services; explain the idea and we will map it to ours.
  - question: Can I use my own editor in the pairing session?
    answer: >-
      Yes. Share your screen with the repository we send you, or use the browser
      editor we provide if you prefer not to install anything.
  - question: Do I need to know Terraform?
    answer: >-
      It helps, but we hire people who can learn it. Understanding what
      infrastructure as code is for matters more than the syntax of any one
      tool.
# relatedRoles: ids of other guides, Loopcoach's or your own.
relatedRoles:
  - id: sre
    why: The same infrastructure skills, with more weight on incidents and service levels.
  - id: backend
    why: >-
      Product teams on the platform are mostly backend engineers; their loop
      shows what they expect of it.
---

## What the role is
Platform engineers here build and run the paved road every product team ships
through: the CI pipeline, the Kubernetes clusters, preview environments and the
tools around them. Forty product teams depend on it, so the job is as much about
understanding their needs as about the technology.

## How the interviews work
Every round uses problems from our own platform rather than puzzles. The pairing
session shows how you work in an unfamiliar repository; the design round shows
how you build something many teams will rely on; the team conversation shows how
you work with the people who use what you build.
`;
