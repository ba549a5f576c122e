#set( $h = '#' )
#set( $table = $functionId.replace("-", "_") + "_note" )
package ${package};

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * The plugin's tables through a mapper ({@code BackboneStore.mapper}): SQL beside each method, rows matched to
 * record components by column name ({@code written_at} is {@code writtenAt}), an insert's new id in a
 * {@link GeneratedKey}.
 */
public interface ${functionClass}Records {

    @Select("SELECT id, initiative_id, title, text, author, written_at FROM ${table} "
            + "WHERE initiative_id = ${h}{initiativeId} ORDER BY id")
    List<Note> notes(String initiativeId);

    @Insert("INSERT INTO ${table} (initiative_id, title, text, author, written_at) "
            + "VALUES (${h}{initiativeId}, ${h}{title}, ${h}{text}, ${h}{author}, ${h}{writtenAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insert(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                @Param("title") String title, @Param("text") String text, @Param("author") String author,
                @Param("writtenAt") Instant writtenAt);
}
