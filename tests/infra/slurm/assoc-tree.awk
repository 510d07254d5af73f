# Checks one cluster's association tree as slurmdbd 22.05 stores it, and
# computes its repair. POSIX awk (mawk and gawk).
#
# Input: every row of <cluster>_assoc_table, tab-separated, ordered by lft
# then id_assoc:
#   id_assoc  deleted  user  acct  partition  parent_acct  lft  rgt
#
# The tree: the account association root (user "", acct "root") is the top;
# an account association (user "") hangs under the account association of its
# parent_acct; a user association under the account association of its own
# acct. lft/rgt number that tree as a nested set: lft < rgt, every value used
# once, every child strictly inside its parent, siblings disjoint.
#
# Deleted rows are part of it. slurmdbd removes an association that has job
# records by marking it and its whole sub-tree deleted while they keep their
# range, and adding the same association again revives the row with its old
# lft/rgt. So the nested set must hold over deleted rows too, no live row may
# sit under a deleted one, and every row needs its parent row: slurmdbd
# crashes (a NULL dereference in the cluster's connection thread) as soon as
# slurmctld asks for the associations while a user association has lost its
# account association.
#
# Output, one record per line, tab-separated:
#   problem  <kind>  <id>  <text>    what is wrong (kinds: no-root, orphan,
#                                    live-under-deleted, lft-not-below-rgt,
#                                    duplicate-value, outside-parent,
#                                    overlaps-sibling, duplicate-account)
#   delete   <id>                    an orphan (no path to root) to remove:
#                                    it has no place in the tree
#   mark     <id>                    a live row under a deleted one, to mark
#                                    deleted as slurmdbd would have
#   set      <id>  <lft>  <rgt>      the contiguous numbering of the rest,
#                                    children kept in their current lft order
BEGIN { FS = "\t"; OFS = "\t"; rows = 0 }

{
  rows++
  id[rows] = $1; deleted[rows] = ($2 != "0"); user[rows] = $3; acct[rows] = $4
  part[rows] = $5; parent_acct[rows] = $6; lft[rows] = $7 + 0; rgt[rows] = $8 + 0
  if ($3 == "") {
    if ($4 in account_row) problem("duplicate-account", rows, "a second account association for " $4)
    else account_row[$4] = rows
  }
}

function label(r) {
  return (deleted[r] ? "deleted " : "") "assoc " id[r] " (" (user[r] == "" ? "" : "user " user[r] " in ") \
    "account " acct[r] (part[r] == "" ? "" : " partition " part[r]) ", lft " lft[r] " rgt " rgt[r] ")"
}

function problem(kind, r, text) {
  print "problem", kind, (r ? id[r] : 0), (r ? label(r) ": " : "") text
}

# Row number of the parent of row r: 0 for the root, -1 when there is none.
function parent_of(r, name) {
  if (user[r] == "" && acct[r] == "root") return 0
  name = user[r] == "" ? parent_acct[r] : acct[r]
  if (user[r] == "" && name == "") return -1
  return (name in account_row) ? account_row[name] : -1
}

# Depth-first walk from the root: checks the stored numbering and computes
# the new one; under_deleted is set below a deleted row.
function visit(r, under_deleted,   i, c, prev) {
  reached[r] = 1
  if (under_deleted && !deleted[r]) {
    problem("live-under-deleted", r, "live, but an association above it is deleted")
    print "mark", id[r]
  }
  new_lft[r] = ++next_value
  if (lft[r] >= rgt[r]) problem("lft-not-below-rgt", r, "lft must be below rgt")
  prev = 0
  for (i = 1; i <= child_count[r]; i++) {
    c = child[r, i]
    if (!(lft[r] < lft[c] && rgt[c] < rgt[r])) problem("outside-parent", c, "not inside its parent " label(r))
    if (prev && rgt[prev] >= lft[c]) problem("overlaps-sibling", c, "overlaps its sibling " label(prev))
    prev = c
    visit(c, under_deleted || deleted[r])
  }
  new_rgt[r] = ++next_value
}

END {
  if (!("root" in account_row) || deleted[account_row["root"]]) {
    problem("no-root", 0, "no live root association (user \"\", account root)")
    exit
  }
  for (r = 1; r <= rows; r++) {
    p = parent_of(r)
    if (p > 0) child[p, ++child_count[p]] = r
  }
  next_value = 0
  visit(account_row["root"], 0)

  for (r = 1; r <= rows; r++) {
    if (!(r in reached)) continue
    if (lft[r] in seen) problem("duplicate-value", r, "lft " lft[r] " is also used by assoc " seen[lft[r]])
    else seen[lft[r]] = id[r]
    if (rgt[r] in seen) problem("duplicate-value", r, "rgt " rgt[r] " is also used by assoc " seen[rgt[r]])
    else seen[rgt[r]] = id[r]
  }
  for (r = 1; r <= rows; r++) {
    if (r in reached) continue
    problem("orphan", r, parent_of(r) < 0 ? "its parent association is missing" : "its parent is not connected to root")
    print "delete", id[r]
  }
  for (r = 1; r <= rows; r++)
    if (r in reached) print "set", id[r], new_lft[r], new_rgt[r]
}
