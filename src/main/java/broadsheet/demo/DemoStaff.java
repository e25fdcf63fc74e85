package broadsheet.demo;

import broadsheet.demo.DemoNewsroom.ContributorSeed;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo newsroom's contributors: ten invented writers, each with the sections they write for, and the
 * five desks whose names stand in the byline when a story is the work of many hands. Chooses the byline
 * for a story; what the byline looks like on the page is left to the templates.
 */
final class DemoStaff {
    private DemoStaff() {}

    /** A contributor and the sections they write for. */
    record Member(ContributorSeed seed, List<String> sections) {
        String name() {
            return seed.name();
        }
    }

    static final List<Member> ALL = List.of(
            person("Helena Strand", "Chief Political Correspondent", "politics uk-news",
                    "Helena Strand has reported from Westminster for Broadsheet for nine years, after a decade on regional "
                            + "papers in the north. She writes about power: who holds it, and what they do with it."),
            person("Tobias Wren", "Parliamentary Sketchwriter", "politics opinion",
                    "Tobias Wren watches the Commons from the press gallery three days a week and writes about what he "
                            + "sees. He was previously a theatre critic, which he says was good training."),
            person("Amara Lindqvist", "Senior Foreign Correspondent", "world-news",
                    "Amara Lindqvist has reported from more than thirty countries, most recently from Valdoria and the "
                            + "Kessel coast. She speaks four languages and is learning a fifth."),
            person("Jonah Merrow", "Diplomatic Editor", "world-news politics",
                    "Jonah Merrow covers diplomacy, defence and the United Assembly. Before joining Broadsheet he spent "
                            + "six years as a correspondent in Halvard."),
            person("Priya Castellane", "Home Affairs Editor", "uk-news politics",
                    "Priya Castellane covers policing, migration and the courts. She joined Broadsheet as a trainee and "
                            + "has since won two national awards for investigative reporting."),
            person("Rufus Okonkwo-Hale", "Economics Editor", "business politics",
                    "Rufus Okonkwo-Hale writes about the economy, the central bank and the public finances. He worked "
                            + "as an economist in the City before turning to journalism."),
            person("Declan Marsh", "Chief Sports Writer", "sport",
                    "Declan Marsh has covered six World Cups and more wet Tuesday nights than he can count. He writes "
                            + "about football, cricket and the people who play them."),
            person("Isobel Farrant", "Chief Culture Critic", "culture",
                    "Isobel Farrant reviews theatre, books and exhibitions for Broadsheet. She has judged the Harbour "
                            + "Prize twice and still reads every submission to the end."),
            person("Samuel Brightwater", "Science Editor", "science",
                    "Samuel Brightwater writes about climate, space and medicine. He trained as a marine biologist and "
                            + "still goes to sea when a story allows it."),
            person("Margot Ellery", "Columnist", "opinion culture",
                    "Margot Ellery writes a weekly column on politics, culture and the way we live now. She lives in "
                            + "Carrow Vale and is suspicious of anyone who claims to have all the answers."),
            desk("Our Foreign Staff", "Foreign desk", "world-news",
                    "Reports from Broadsheet’s foreign desk, drawing on our correspondents abroad and on agency copy. "
                            + "Stories carry the desk’s name when several people have contributed."),
            desk("Our Political Staff", "Political desk", "politics uk-news",
                    "Reports from Broadsheet’s political team at Westminster and in the regions. Stories carry the "
                            + "desk’s name when several reporters have worked on them."),
            desk("Our Business Staff", "Business desk", "business",
                    "Reports from Broadsheet’s business and economics desk, covering markets, companies and the cost of "
                            + "living. Stories carry the desk’s name when several reporters have contributed."),
            desk("Our Sports Staff", "Sports desk", "sport",
                    "Reports, results and reaction from Broadsheet’s sports desk. Match reports carry the desk’s name "
                            + "when they are compiled from several grounds."),
            desk("Our Science Staff", "Science desk", "science",
                    "Reports from Broadsheet’s science desk on research, health and the environment. Stories carry the "
                            + "desk’s name when several reporters have contributed."));

    static List<ContributorSeed> seeds() {
        return ALL.stream().map(Member::seed).toList();
    }

    /**
     * A byline for a story in the section: a desk alone, a writer and their desk, two writers, or one writer,
     * always from among those who write for the section.
     */
    static List<String> byline(String section, SplittableRandom r) {
        List<String> people = ALL.stream().filter(m -> !m.seed().desk() && m.sections().contains(section)).map(Member::name).toList();
        String desk = ALL.stream().filter(m -> m.seed().desk() && m.sections().contains(section))
                .map(Member::name).findFirst().orElse(null);
        String person = people.get(r.nextInt(people.size()));
        double roll = r.nextDouble();
        if (section.equals("opinion") || section.equals("culture")) return List.of(person);
        if (desk != null && roll < 0.25) return List.of(desk);
        if (desk != null && roll < 0.45) return List.of(person, desk);
        if (people.size() > 1 && roll < 0.55) {
            String other = people.stream().filter(p -> !p.equals(person)).toList().get(r.nextInt(people.size() - 1));
            return List.of(person, other);
        }
        return List.of(person);
    }

    private static Member person(String name, String jobTitle, String sections, String bio) {
        return new Member(new ContributorSeed(DemoTopics.slug(name), name, false, jobTitle, bio), List.of(sections.split(" ")));
    }

    private static Member desk(String name, String jobTitle, String sections, String bio) {
        return new Member(new ContributorSeed(DemoTopics.slug(name), name, true, jobTitle, bio), List.of(sections.split(" ")));
    }
}
