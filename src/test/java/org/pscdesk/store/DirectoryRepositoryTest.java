package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;
import org.pscdesk.meeting.Body;
import org.pscdesk.meeting.BodyKind;
import org.pscdesk.meeting.Organization;
import org.pscdesk.meeting.Program;
import org.pscdesk.meeting.ProgramType;
import org.pscdesk.meeting.Sector;

class DirectoryRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void organizationsBodiesAndProgramsSurviveReopeningTheWorkspace() throws WorkspaceException {
        Path file = dir.resolve("directory.gpkg");
        List<Organization> added;
        Body collaborative;
        Body group;
        List<Program> programs;
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            DirectoryRepository repo = new DirectoryRepository(ws);
            added = repo.addOrganizations(List.of(new Organization("Test Police", Sector.POLICE),
                    new Organization("Test Block Club", Sector.RESIDENT_GROUP)));
            collaborative = repo.addBody(new Body("Test Collaborative", BodyKind.COLLABORATIVE, null));
            group = repo.addBody(new Body("Test Working Group", BodyKind.WORKING_GROUP, collaborative.id()));
            programs = repo.addPrograms(List.of(
                    new Program("Lot greening", added.get(1).id(), ProgramType.ENVIRONMENTAL, "Mow and plant.",
                            List.of("vacant_lots", "parks"), "10 lots"),
                    new Program("Business checks", added.get(0).id(), ProgramType.ENFORCEMENT, "", List.of(), null)));
        }

        try (Workspace ws = Workspace.open(file)) {
            DirectoryRepository repo = new DirectoryRepository(ws);
            assertEquals(added, repo.organizations());
            assertEquals(List.of(collaborative, group), repo.bodies());
            assertEquals(programs, repo.programs());
        }
        assertTrue(added.get(0).id() > 0 && added.get(0).id() != added.get(1).id(), "stored ids");
        assertNull(collaborative.parentId());
        assertEquals(collaborative.id(), group.parentId());
    }

    @Test
    void aFailedBatchAddsNothing() throws WorkspaceException {
        try (Workspace ws = Workspace.create(dir.resolve("batch.gpkg"), Crs.of("EPSG:26915"))) {
            DirectoryRepository repo = new DirectoryRepository(ws);
            repo.addOrganization(new Organization("Riverbend Land Bank", Sector.CITY_AGENCY));
            List<Organization> before = repo.organizations();

            WorkspaceException e = assertThrows(WorkspaceException.class, () -> repo.addOrganizations(List.of(
                    new Organization("A new partner", Sector.FAITH),
                    new Organization("Riverbend Land Bank", Sector.CITY_AGENCY))));

            assertEquals(WorkspaceException.Reason.IO, e.reason());
            assertEquals(before, repo.organizations(), "the first, valid organization was rolled back too");
        }
    }

    @Test
    void aProgramMustBelongToAStoredOrganization() throws WorkspaceException {
        try (Workspace ws = Workspace.create(dir.resolve("fk.gpkg"), Crs.of("EPSG:26915"))) {
            DirectoryRepository repo = new DirectoryRepository(ws);

            assertThrows(WorkspaceException.class, () -> repo.addProgram(new Program("Orphan", 999,
                    ProgramType.OUTREACH, "", List.of(), null)));

            assertEquals(List.of(), repo.programs());
        }
    }
}
