package org.civicbackbone.api.store;

/**
 * Receives the id the database generates for a row a mapper inserts. Pass one as the mapper parameter named
 * {@code key} and let MyBatis fill it in:
 * <pre>
 * &#64;Insert("INSERT INTO pol_item (title) VALUES (#{title})")
 * &#64;Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
 * void insert(&#64;Param("key") GeneratedKey key, &#64;Param("title") String title);
 * </pre>
 * The only mutable type of the store API: MyBatis writes the key into it.
 *
 * @since 1.1
 */
public final class GeneratedKey {

    private Long id;

    /** The generated id; fails if the insert has not run or generated none. */
    public long id() {
        if (id == null) {
            throw new IllegalStateException("No key was generated");
        }
        return id;
    }

    /** For MyBatis. */
    public Long getId() {
        return id;
    }

    /** For MyBatis. */
    public void setId(Long id) {
        this.id = id;
    }
}
