-- The app's own database role, prepared by a superuser: read by platform/EmbeddedDatabase
-- (prepareAppRole, at every start of the embedded server) and by src/test/bench/bench.py
-- (prepare_app_role) and by .ci/two-instances.sh, each replacing ${role} and ${password} first.
-- Idempotent.
--
-- The role is neither superuser nor BYPASSRLS (both ignore row-level security) and owns the
-- public schema's objects, so Flyway can change them: data directories made before Groundwork
-- used its own role hold objects owned by the superuser, handed over here.
do $$
declare r record;
begin
    if not exists (select 1 from pg_roles where rolname = '${role}') then
        create role ${role} login password '${password}'
            nosuperuser nobypassrls nocreatedb nocreaterole;
    end if;
    grant usage, create on schema public to ${role};
    -- as an owner of its database would have in production (deploy/): lets the migrations
    -- create trusted extensions such as pg_trgm
    execute format('grant create on database %I to ${role}', current_database());
    for r in
        select c.oid::regclass as name,
               case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                   when 'm' then 'materialized view' else 'table' end as kind
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
          and c.relowner <> '${role}'::regrole
          -- a sequence owned by a column moves with its table
          and not (c.relkind = 'S' and exists (select 1 from pg_depend d
              where d.objid = c.oid and d.deptype in ('a', 'i')))
    loop
        execute format('alter %s %s owner to ${role}', r.kind, r.name);
    end loop;
    for r in
        select p.oid::regprocedure as name from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.proowner <> '${role}'::regrole
          -- an extension's functions stay its own (pg_trgm's, made by a superuser)
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    loop
        execute format('alter routine %s owner to ${role}', r.name);
    end loop;
end
$$;
-- Under row-level security PostgreSQL applies an operator as an index condition ahead of the
-- policy only when its function is LEAKPROOF; LIKE and ILIKE are not marked so, and the contact
-- search would walk the whole team instead of its trigram indexes (docs/reports.md, "Contact
-- search"). Only a superuser may mark them (deploy/'s database set-up does the same).
alter function textlike(text, text) leakproof;
alter function texticlike(text, text) leakproof;
