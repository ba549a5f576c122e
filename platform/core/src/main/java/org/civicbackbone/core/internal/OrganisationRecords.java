package org.civicbackbone.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * The organisation registry's tables through a mapper (ADR 0009). Every name and alias of an organisation is a row of
 * {@code core_organisation_name} keyed by the initiative and the name's {@code OrganisationName.key}: the primary key
 * is what keeps two organisations of an initiative from sharing a name, even under concurrent writes.
 */
public interface OrganisationRecords {

    /** An organisation's own row. */
    record OrganisationRow(long id, String initiativeId, String name) {
    }

    /** One alias or one sector of an organisation. */
    record Detail(long organisationId, String value) {
    }

    @Select("SELECT id, initiative_id, name FROM core_organisation WHERE initiative_id = #{initiativeId} "
            + "ORDER BY name, id")
    List<OrganisationRow> rows(String initiativeId);

    @Select("SELECT id, initiative_id, name FROM core_organisation WHERE id = #{id} AND initiative_id = #{initiativeId}")
    OrganisationRow row(@Param("initiativeId") String initiativeId, @Param("id") long id);

    @Select("SELECT organisation_id, name AS \"value\" FROM core_organisation_name WHERE initiative_id = #{initiativeId} "
            + "AND alias = TRUE ORDER BY organisation_id, name")
    List<Detail> aliases(String initiativeId);

    @Select("SELECT s.organisation_id, s.sector AS \"value\" FROM core_organisation_sector s "
            + "JOIN core_organisation o ON o.id = s.organisation_id WHERE o.initiative_id = #{initiativeId} "
            + "ORDER BY s.organisation_id, s.sector")
    List<Detail> sectors(String initiativeId);

    @Select("SELECT name FROM core_organisation_name WHERE organisation_id = #{id} AND alias = TRUE ORDER BY name")
    List<String> aliasesOf(long id);

    @Select("SELECT sector FROM core_organisation_sector WHERE organisation_id = #{id} ORDER BY sector")
    List<Sector> sectorsOf(long id);

    @Select("SELECT organisation_id FROM core_organisation_name WHERE initiative_id = #{initiativeId} "
            + "AND name_key = #{key}")
    Long idByKey(@Param("initiativeId") String initiativeId, @Param("key") String key);

    @Insert("INSERT INTO core_organisation (initiative_id, name, created_by, created_at) "
            + "VALUES (#{initiativeId}, #{name}, #{createdBy}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insert(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId, @Param("name") String name,
                @Param("createdBy") String createdBy, @Param("createdAt") Instant createdAt);

    @Update("UPDATE core_organisation SET name = #{name} WHERE id = #{id}")
    int rename(@Param("id") long id, @Param("name") String name);

    @Insert("INSERT INTO core_organisation_name (initiative_id, name_key, organisation_id, name, alias) "
            + "VALUES (#{initiativeId}, #{key}, #{organisationId}, #{name}, #{alias})")
    void insertName(@Param("initiativeId") String initiativeId, @Param("key") String key,
                    @Param("organisationId") long organisationId, @Param("name") String name,
                    @Param("alias") boolean alias);

    @Delete("DELETE FROM core_organisation_name WHERE organisation_id = #{id}")
    int deleteNames(long id);

    @Insert("INSERT INTO core_organisation_sector (organisation_id, sector) VALUES (#{organisationId}, #{sector})")
    void insertSector(@Param("organisationId") long organisationId, @Param("sector") Sector sector);

    @Delete("DELETE FROM core_organisation_sector WHERE organisation_id = #{id}")
    int deleteSectors(long id);

    /** A seat written before the registry: its organisation is only a name. */
    record UnlinkedSeat(long id, String initiativeId, String organisation, Sector sector) {
    }

    @Select("SELECT m.id, b.initiative_id, m.organisation, m.sector FROM core_membership m "
            + "JOIN core_body b ON b.id = m.body_id WHERE m.organisation_id IS NULL ORDER BY m.id")
    List<UnlinkedSeat> unlinkedSeats();

    @Update("UPDATE core_membership SET organisation_id = #{organisationId} WHERE id = #{membershipId}")
    int pointSeat(@Param("membershipId") long membershipId, @Param("organisationId") long organisationId);

    /** One organisation of the initiative with its aliases and sectors, or null: three small queries. */
    default Organisation organisation(String initiativeId, long id) {
        OrganisationRow row = row(initiativeId, id);
        return row == null ? null : new Organisation(row.id(), row.initiativeId(), row.name(), aliasesOf(id),
                sectorsOf(id));
    }

    /**
     * The initiative's organisations with their aliases and sectors: three queries for any number. The records are read
     * first: a merge committed between the queries then leaves the duplicate listed with its name and the one kept
     * with the duplicate's names as aliases, never a name listed nowhere (aliases first, the names of a duplicate read
     * before the merge and gone after it were lost, and a file naming it was refused as naming no organisation).
     */
    default List<Organisation> organisations(String initiativeId) {
        List<OrganisationRow> rows = rows(initiativeId);
        Map<Long, List<String>> aliases = group(aliases(initiativeId));
        Map<Long, List<String>> sectors = group(sectors(initiativeId));
        return rows.stream().map(row -> new Organisation(row.id(), row.initiativeId(), row.name(),
                aliases.getOrDefault(row.id(), List.of()), sectors.getOrDefault(row.id(), List.of()).stream()
                        .map(Sector::valueOf).toList())).toList();
    }

    private static Map<Long, List<String>> group(List<Detail> details) {
        return details.stream().collect(Collectors.groupingBy(Detail::organisationId,
                Collectors.mapping(Detail::value, Collectors.toList())));
    }
}
