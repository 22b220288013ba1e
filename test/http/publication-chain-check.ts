/**
 * The check behind THE INVARIANT of 先审查、后公开 (issue 9 §3), on the database: every channel_publications row of
 * a platform item has, for the version published (or the version it only redacts), passed 初审, 保密审查 and 签发
 * after its last submission, with no return in between, none by an author of the version, the channel cleared by
 * that secrecy review's form. Shared by the invariant test and the scripted year.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/** What is wrong with the item publications on record (empty: nothing), and how many were checked. */
export async function publicationChainProblems(db: Kysely<Database>): Promise<{ problems: string[]; checked: number }> {
  const items = new Map((await db.selectFrom('items').selectAll().execute()).map((i) => [i.id, i]));
  const publications = await db.selectFrom('channel_publications').selectAll().where('subject_kind', '=', 'item').orderBy('id').execute();
  const problems: string[] = [];
  let checked = 0;
  for (const p of publications) {
    const item = items.get(p.subject_id)!;
    if (item.origin !== 'platform') continue;
    checked++;
    const versions = new Map((await db.selectFrom('item_versions').selectAll().where('item_id', '=', item.id).execute())
      .map((v) => [v.version, { createdById: v.created_by_id, redactionOf: (JSON.parse(v.snapshot) as { redactionOf?: number }).redactionOf }]));
    // The version published and the versions it only redacts.
    const chain: number[] = [];
    for (let v: number | undefined = p.subject_version; v !== undefined; v = versions.get(v)?.redactionOf) chain.push(v);
    const steps = (await db.selectFrom('review_steps').selectAll().where('subject_kind', '=', 'item').where('subject_id', '=', item.id).orderBy('id').execute())
      .filter((s) => chain.includes(s.subject_version) && s.at <= p.published_at);
    const lastSubmit = steps.map((s) => s.step).lastIndexOf('submit');
    const where = `item ${item.id} v${p.subject_version} on ${p.channel}`;
    if (lastSubmit < 0) { problems.push(`${where}: never submitted`); continue; }
    const after = steps.slice(lastSubmit + 1);
    if (after.some((s) => s.decision === 'return')) problems.push(`${where}: returned after its last submission`);
    const authors = new Set<number | null>([item.drafter_id, ...steps.filter((s) => s.step === 'submit').map((s) => s.actor_id)]);
    for (const v of chain) if (versions.get(v)?.redactionOf === undefined) authors.add(versions.get(v)!.createdById);
    for (const step of ['first-review', 'secrecy-review', 'sign-off']) {
      const pass = after.find((s) => s.step === step && s.decision === 'pass');
      if (!pass) problems.push(`${where}: no ${step} passed after the last submission`);
      else if (authors.has(pass.actor_id)) problems.push(`${where}: ${step} passed by an author (${pass.actor})`);
    }
    const form = after.find((s) => s.step === 'secrecy-review' && s.decision === 'pass')?.form;
    if (form && (JSON.parse(form) as { channelsFit: Record<string, boolean> }).channelsFit[p.channel] !== true) problems.push(`${where}: channel not cleared`);
  }
  return { problems, checked };
}
