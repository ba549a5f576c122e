package org.civicbackbone.mail.internal;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The digests of each day, through a mapper (ADR 0009). */
public interface DigestRecords {

    String DIGEST = "SELECT login, address, digest_day, state, items, attempts, noted_at, error FROM mail_digest ";

    @Select(DIGEST + "WHERE digest_day = #{day} ORDER BY login, address")
    List<Digest> ofDay(LocalDate day);

    @Insert("INSERT INTO mail_digest (login, address, digest_day, state, items, attempts, noted_at, error) "
            + "VALUES (#{login}, #{address}, #{digestDay}, #{state}, #{items}, #{attempts}, #{notedAt}, #{error})")
    void insert(Digest digest);

    @Update("UPDATE mail_digest SET state = #{state}, items = #{items}, attempts = #{attempts}, noted_at = #{notedAt}, "
            + "error = #{error} WHERE digest_day = #{digestDay} AND login = #{login} AND address = #{address}")
    int update(Digest digest);

    /** Every login's choice that differs from the daily default. */
    @Select("SELECT login, frequency, chosen_at FROM mail_choice ORDER BY login")
    List<DigestChoice> choices();

    @Select("SELECT login, frequency, chosen_at FROM mail_choice WHERE login = #{login}")
    DigestChoice choice(String login);

    @Update("UPDATE mail_choice SET frequency = #{frequency}, chosen_at = #{chosenAt} WHERE login = #{login}")
    int updateChoice(DigestChoice choice);

    @Insert("INSERT INTO mail_choice (login, frequency, chosen_at) VALUES (#{login}, #{frequency}, #{chosenAt})")
    void insertChoice(DigestChoice choice);

    /** The platform's key for stop links: one row, id 1, once made. */
    @Select("SELECT secret FROM mail_secret WHERE id = 1")
    String secret();

    @Insert("INSERT INTO mail_secret (id, secret) VALUES (1, #{secret})")
    void insertSecret(String secret);

    /** The log is kept for a while, then forgotten. */
    @Delete("DELETE FROM mail_digest WHERE digest_day < #{before}")
    int forgetBefore(LocalDate before);
}
