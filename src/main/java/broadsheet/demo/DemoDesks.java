package broadsheet.demo;

import java.util.Map;

/**
 * The words of the news sections — world news, UK news, politics and business — added to or standing in
 * for {@link DemoWords#COMMON}: their places, the people quoted in them, their quotations and subheads.
 * The features sections are in {@link DemoFeatures}; what each story is about comes from {@link DemoTopics}.
 */
final class DemoDesks {
    private DemoDesks() {}

    static final Map<String, DemoLexicon> NEWS = Map.of(
            "world-news", DemoLexicon.parse("""
                    headline+ = Envoys gather in {place} as {subject} hangs in the balance
                        | {place} braces for {subject^} {after*}
                        | Neighbours urge calm as {subject^} {fate*}
                    standfirst+ = Diplomats describe the mood in {place} as tense but not hopeless, with {actor} under pressure to show progress before {summit}
                        | Mediators have spent {weeks*} trying to find common ground on {subject}, and the gap between the two sides is narrower than it looks
                    place = Northmere | Valdoria | the Ostrel Republic | Marensk | Tarsana | Estrany
                    reference+ = regional vision | international law | the Halvard accord | its neighbours’ interests
                    role = a spokeswoman for the foreign ministry | an analyst at the Halvard Institute
                        | a former ambassador to {place} | an aid co-ordinator in {place} | a member of the regional assembly
                        | a professor of international relations at Carrow University | the mayor of a border town
                    quote+ = Nobody in this region can afford another winter like the last one
                        | Diplomacy is slow, but it is still faster than the alternative
                        | We are talking, and that in itself is something | The world has a short memory for places like ours
                    subhead+ = Diplomacy in slow motion | A region on edge | The view from the border | Old rivalries
                    para+ = Diplomats in {place} say the real negotiations are happening away from the cameras, in a series of late-night meetings that neither side will confirm.
                        | The dispute has rippled well beyond {place}. Shipping insurers have raised premiums, and at least two neighbouring governments have quietly sought reassurances.
                        | Western officials have so far avoided taking sides in public, though one described the latest proposals as “a basis for talks, if not yet for agreement”.
                    bystander+ = market trader | ferry captain | student
                    summit = the regional summit | next month’s Assembly session | the onset of winter | the deadline set by mediators
                    weeks = three weeks | the best part of a month | six weeks | most of the autumn
                    point+ = further talks, expected {soon*} | a role for neutral observers | a joint commission to meet monthly
                    """),
            "uk-news", DemoLexicon.parse("""
                    headline+ = Residents of {place} left waiting as {subject^} {fate*}
                        | {place} council {act*} {subject^} {after*}
                        | Families in {place} count the cost of {subject^}
                    standfirst+ = In {place}, where the effects are felt most keenly, {group} say the debate in Westminster has little to do with their daily lives
                        | Local leaders in {place} have written to ministers asking for clarity on {subject}, warning that patience is running out
                    place = Port Ellery | Carrow Vale | Westhaven | Dunmere | Ashby Reach | Kingsmoor | Saltmarsh
                    reference+ = the council’s vision | local plans | national guidance
                    role = the leader of {place} council | a councillor in {place} | a community organiser in {place}
                        | the director of a local charity | a spokesman for the Local Government Association of the North
                        | a resident who has lived in {place} for forty years | the head of a primary school in {place}
                    quote+ = People here are practical. They just want to know what is happening and when
                        | This town has been promised a great deal over the years
                        | We found out about it from the local paper, like everyone else | It matters far more here than it does in London
                    subhead+ = A town divided | ‘We were the last to know’ | Local anger | On the high street
                    para+ = In {place}, the debate has played out in packed meetings at the town hall, where residents queued in the rain to have their say.
                        | The council, which faces a shortfall of several million pounds, has said it cannot meet the cost alone.
                        | Campaigners have gathered more than {signatures*} signatures on a petition, which they plan to hand in {soon*}.
                    signatures = four thousand | twelve thousand | twenty thousand | 8,500
                    point+ = a dedicated helpline for residents | regular public updates at the town hall | compensation for those worst affected
                    """),
            "politics", DemoLexicon.parse("""
                    headline+ = Ministers split over {subject^} {after*}
                        | Whips scramble as backbenchers {react*} {subject^}
                        | Backbench revolt looms over {subject^}
                        | Cabinet row over {subject^} {fate*}
                        | Prime Minister {act*} {subject^} {after*}
                    standfirst+ = The row over {subject} has exposed a deeper argument at the top of government about spending, credibility and the next election
                        | Backbenchers have warned the whips that they cannot support {subject} in its current form, setting up a difficult week for ministers
                    place = Westminster | Whitehall | the Commons | Port Ellery | Carrow Vale
                    reference+ = the manifesto | party policy | the spending review | the fiscal rules
                    role = a backbench MP | a former Cabinet minister | the chairman of the Commons public accounts committee
                        | a senior government source | the shadow chancellor | a veteran of three general election campaigns
                        | a constitutional expert at Carrow University | the MP for {place}
                    quote+ = The public can tell when a policy has been written for the headlines
                        | Governing is about choices, and this is the right one | I will vote against it, and so will many colleagues
                        | The whips are working hard, but the numbers are not there yet
                        | This is a question of competence, not ideology
                    subhead+ = Whips at work | The arithmetic | A test of authority | Behind closed doors | Backbench unease
                    para+ = At Westminster, the mood among backbenchers was described by one as “mutinous but polite”.
                        | Whips spent much of {weekday} in private meetings with MPs who have signalled doubts, according to people present.
                        | The Opposition has tabled an urgent question, and the Speaker is expected to grant it.
                    point+ = a Commons vote expected {soon*} | an amendment tabled by more than forty backbenchers | a select committee inquiry
                    """),
            "business", DemoLexicon.parse("""
                    headline+ = Shares in {firm} {move*} as {subject^} {fate*}
                        | Investors {react*} {subject^}
                        | City braces for {subject^} {after*}
                        | {firm} chief: {subject^} ‘{assess*}’
                    standfirst+ = Investors have been caught between hopes of relief and fears of a prolonged slowdown, and {subject} has done little to settle their nerves
                        | The move, which surprised analysts, is expected to feed through to households and businesses within months
                    place = the City | Port Ellery | Westhaven | Kingsmoor | the Docklands
                    firm = Calder Energy | Harrowgate Bank | Northwind Rail | Lumen Foods | Brightwater Utilities | Ferrow Steel
                        | Stellan Motors | Aldermoor Homes
                    move = fall | rise | slide | rally | tumble | recover
                    reference+ = market expectations | the forecast | shareholders’ wishes | the industry code
                    role = an economist at Marlow Economics | the chief executive of {firm} | a retail analyst at Fenwright Partners
                        | the director of the Institute of Small Firms | a fund manager at Carrow Capital | the chief economist at Harrowgate Bank
                    quote+ = Markets can live with bad news. What they hate is uncertainty
                        | The numbers are better than feared, but that is a low bar
                        | Households will feel this well before it shows up in the official figures
                        | We are investing for the long term, whatever the next quarter brings
                    subhead+ = Market reaction | What it means for households | The bottom line | Cautious investors | A fragile recovery
                    para+ = Shares in {firm} closed {pct*} {direction*} on {weekday}, though traders cautioned against reading too much into a single session.
                        | Analysts at Fenwright Partners said the outlook depended less on the headline figure than on what happens to wages over the coming months.
                        | The pound was little changed, and government borrowing costs edged {direction*} in thin trading.
                    pct = 1.2 per cent | 2.4 per cent | 0.8 per cent | 3.1 per cent | 4.6 per cent
                    direction = higher | lower
                    point+ = a cut in the cost of borrowing for small firms | a cap on annual price rises | quarterly reports to the regulator
                    """));
}
