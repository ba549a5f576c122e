package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.junit.Test;

public class ProblemMapperTest {

    @Test
    public void anUnmatchedAddressIsAbsentOnceTheFrontFilterIsInPlace() {
        Response answer = ProblemMapper.answer(new NotFoundException(), true);
        assertEquals(404, answer.getStatus());
        assertEquals("There is nothing at this address.", ((Problem) answer.getEntity()).detail());
        assertNull(answer.getHeaderString("Retry-After"));
    }

    /** The start of a platform: the JAX-RS servlet answers before the web server put the front filter in front. */
    @Test
    public void anUnmatchedAddressOrMethodBeforeTheFrontFilterIsNotServedYet() {
        for (RuntimeException unmatched : new RuntimeException[] {new NotFoundException(),
                new NotAllowedException("GET")}) {
            Response answer = ProblemMapper.answer(unmatched, false);
            assertEquals(unmatched.toString(), 503, answer.getStatus());
            assertEquals("1", answer.getHeaderString("Retry-After"));
            assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
            assertEquals(ContainerRefusals.NOT_SERVED, ((Problem) answer.getEntity()).detail());
        }
    }

    /** A resource that was matched and answered 404 itself (no such initiative) says what is true, filter or not. */
    @Test
    public void aMatchedResourcesOwnNotFoundStands() {
        Response answer = ProblemMapper.answer(new ProblemException(Problem.notFound("No initiative 'x'.")), false);
        assertEquals(404, answer.getStatus());
        assertEquals(400, ProblemMapper.answer(new javax.ws.rs.BadRequestException(), false).getStatus());
    }
}
