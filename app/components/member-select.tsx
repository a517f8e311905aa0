/** A labelled choice among a project's members (owners, co-product owners on whose behalf…). */
export function MemberSelect({
  id,
  name,
  label,
  members,
  empty,
}: {
  id: string;
  name: string;
  label: string;
  members: readonly { userId: number; name: string }[];
  /** The first option, meaning "nobody"; without it a member must be chosen. */
  empty?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue="">
        {empty ? <option value="">{empty}</option> : null}
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}
