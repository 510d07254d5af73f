# shellcheck shell=bash
# The test cluster's accounting database, as up.sh keeps it readable (sourced
# by up.sh, which defines mysql_root and DB_NAME).
#
# SLURM 22.05 keeps each cluster's associations as a nested set (lft/rgt) in
# <cluster>_assoc_table. Two sacctmgr writers at once can leave overlapping
# ranges; a later removal by range then deletes an unrelated account's
# association and orphans its users, and slurmdbd crashes whenever slurmctld
# asks for the associations (the connection thread dereferences the missing
# parent). assoc-tree.awk finds such trees (it explains what slurmdbd
# expects); repair_assoc_trees removes the orphans, marks live associations
# under deleted ones deleted (as slurmdbd does with a removed sub-tree) and
# renumbers the rest from the parent relation. When a tree cannot be repaired
# the database is recreated: acceptable for a test cluster only.

readonly ASSOC_TREE_AWK=$SLURM_TEST_INFRA_DIR/assoc-tree.awk

# Cluster names with an association table (validated: they become identifiers).
db_clusters() {
  local name
  mysql_root --batch --skip-column-names -e \
    "SELECT table_name FROM information_schema.tables WHERE table_schema='$DB_NAME' AND table_name LIKE '%\\_assoc\\_table'" |
    while read -r name; do
      name=${name%_assoc_table}
      [[ "$name" =~ ^[A-Za-z0-9_]+$ ]] && printf '%s\n' "$name"
    done
}

# analyse_tree CLUSTER: assoc-tree.awk's verdict on the cluster's live rows.
analyse_tree() {
  mysql_root --batch --skip-column-names -e \
    "SELECT id_assoc, deleted, user, acct, \`partition\`, parent_acct, lft, rgt FROM \`${DB_NAME}\`.\`${1}_assoc_table\` ORDER BY lft, id_assoc" |
    awk -f "$ASSOC_TREE_AWK"
}

# Prints each problem of every cluster's tree on stderr; returns 1 if any.
check_assoc_trees() {
  local cluster analysis found=0
  for cluster in $(db_clusters); do
    analysis=$(analyse_tree "$cluster") || return 2
    if grep -q '^problem' <<<"$analysis"; then
      found=1
      awk -F '\t' -v who="$(basename "$0")" -v c="$cluster" \
        '$1 == "problem" && n++ < 20 { print who ": cluster " c " association tree: " $2 ": " $4 }' <<<"$analysis" >&2
    fi
  done
  return $((found))
}

# repair_sql CLUSTER: one transaction that removes the orphans, marks live
# rows under deleted ones deleted, and renumbers the rest; fails when the tree
# has no root to renumber from.
repair_sql() {
  local cluster=$1 table analysis
  table="\`${DB_NAME}\`.\`${cluster}_assoc_table\`"
  analysis=$(analyse_tree "$cluster") || return 1
  grep -q $'^problem\tno-root' <<<"$analysis" && return 1
  printf 'START TRANSACTION;\n'
  awk -F '\t' -v t="$table" '
    $1 == "delete" { printf "DELETE FROM %s WHERE id_assoc=%d;\n", t, $2 }
    $1 == "mark"   { printf "UPDATE %s SET deleted=1, mod_time=UNIX_TIMESTAMP() WHERE id_assoc=%d;\n", t, $2 }
    $1 == "set"    { printf "UPDATE %s SET lft=%d, rgt=%d WHERE id_assoc=%d;\n", t, $3, $4, $2 }
  ' <<<"$analysis"
  printf 'COMMIT;\n'
}

# Repairs every broken tree (slurmdbd must not be running); returns 1 when a
# tree is still broken afterwards.
repair_assoc_trees() {
  local cluster sql analysis
  for cluster in $(db_clusters); do
    # Not `analyse_tree | grep -q`: under pipefail, grep leaving early fails the pipe (SIGPIPE).
    analysis=$(analyse_tree "$cluster") || return 1
    grep -q '^problem' <<<"$analysis" || continue
    sql=$(repair_sql "$cluster") || return 1
    mysql_root --batch <<<"$sql" || return 1
    log "repaired the association tree of cluster $cluster: $(grep -c '^DELETE' <<<"$sql") orphan(s) removed," \
      "$(grep -c 'deleted=1' <<<"$sql") live association(s) under deleted ones marked deleted, $(grep -c 'SET lft=' <<<"$sql") renumbered"
  done
  check_assoc_trees 2>/dev/null
}

# recreate_accounting_db REASON: drops the database; slurmdbd makes it anew on
# its next start and up.sh registers the cluster again. Every account is lost.
recreate_accounting_db() {
  mysql_root -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" || die "could not drop $DB_NAME"
  log "recreated the accounting database $DB_NAME of this test cluster (all accounts are gone): $1"
}
