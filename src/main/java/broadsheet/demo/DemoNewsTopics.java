package broadsheet.demo;

import static broadsheet.demo.DemoTopics.topic;

import broadsheet.demo.DemoTopics.Topic;
import java.util.List;

/**
 * The demo's news topics: invented countries and their disputes, a British-style town's bridge and hospital,
 * and the business of government. Every subject is singular, every group plural, so the templates agree.
 */
final class DemoNewsTopics {
    private DemoNewsTopics() {}

    static final List<Topic> LIST = List.of(
            topic("Northmere elections", "world-news politics", "Ostrel Republic; United Assembly; Kessel Strait dispute",
                    "The disputed presidential vote in Northmere and the long count that followed.", """
                    picture = parliament | skyline
                    place = Northmere
                    subject = the presidential run-off | the vote count | the disputed election result | the new electoral roll
                    actor = the electoral commission | Northmere’s interim government | the opposition alliance
                    group = voters | election observers | opposition supporters
                    fact = Turnout in the first round was the lowest since Northmere’s constitution was rewritten, at just over half of registered voters.
                        | Observers reported long queues and some irregularities, but stopped short of calling the result into question.
                    quote+ = Every ballot will be counted, however long it takes | The count must be seen to be fair, not merely be fair
                    role+ = a senior official at the electoral commission | an election observer from a neighbouring state
                    """),
            topic("Kessel Strait dispute", "world-news business", "Valdoria ceasefire; Continental trade pact; Defence; Oceans",
                    "The quarrel over shipping lanes, patrols and fishing rights in the narrow Kessel Strait.", """
                    picture = harbour
                    place = Vessa | Marensk
                    subject = the shipping lane dispute | the Kessel Strait agreement | the naval patrol plan | the fishing quota deal
                    actor = the Valdorian navy | the Strait Authority | Marensk’s foreign ministry
                    group = fishermen | shipping companies | coastal communities
                    fact = Roughly a fifth of the region’s container traffic passes through the Kessel Strait, which narrows to eleven miles at its tightest point.
                        | The current arrangement dates from a treaty signed more than forty years ago and never fully ratified.
                    quote+ = The sea does not care whose flag is flying | Our boats have fished these waters for generations
                    role+ = the harbourmaster at Vessa | a skipper who has fished the strait for thirty years
                    """),
            topic("Valdoria ceasefire", "world-news", "United Assembly; Migration; Kessel Strait dispute",
                    "The fragile truce in Valdoria and the effort to turn it into a lasting peace.", """
                    picture = field | mountains | skyline
                    place = Valdoria
                    subject = the ceasefire | the prisoner exchange | the aid corridor | the peace framework
                    actor = the Valdorian government | the rebel council | the United Assembly mission
                    group = displaced families | aid agencies | border villagers
                    fact = The fighting has displaced an estimated 300,000 people, many of whom are living in camps along the southern border.
                        | A previous truce, agreed two years ago, lasted less than a month.
                    quote+ = People are tired. They want to go home | A ceasefire on paper is not yet a ceasefire on the ground
                    role+ = the head of a relief mission in southern Valdoria | a teacher who fled the fighting last spring
                    """),
            topic("Ostrel Republic", "world-news politics", "Northmere elections; United Assembly; Continental trade pact",
                    "Politics, courts and reform in the small, restless Ostrel Republic.", """
                    picture = parliament | skyline
                    place = the Ostrel Republic
                    subject = the constitutional referendum | the press law | the judicial reform package | the new capital project
                    actor = the Ostrel presidency | the constitutional court | the Ostrel parliament
                    group = journalists | judges | students
                    fact = The republic declared independence thirty-one years ago and has had five constitutions since.
                        | Critics say the reforms would give the presidency the final word on senior judicial appointments.
                    quote+ = A constitution is a promise, not a convenience | We have waited thirty years for courts we can trust
                    role+ = a law professor in the Ostrel capital | the editor of an independent newspaper in the capital
                    """),
            topic("Amber Coast drought", "world-news science", "Climate change; Migration; Continental trade pact",
                    "Four dry years on the Amber Coast, and what the shortage of water is doing to its farms and towns.", """
                    picture = field
                    place = Corvana | Salvera
                    subject = water rationing | the desalination plan | the drought relief fund | the emergency irrigation scheme
                    actor = the regional water board | the coastal provinces’ council | the agriculture ministry
                    group = farmers | olive growers | tourism operators
                    fact = Rainfall on the Amber Coast has been below average for four consecutive years.
                        | The main reservoir serving the coast stood at 18 per cent of capacity at the last reading.
                    quote+ = We are farming on borrowed water | Every summer we tell ourselves next year will be better
                    role+ = a hydrologist at the coastal university | a third-generation olive grower
                    """),
            topic("Migration", "world-news politics uk-news", "Valdoria ceasefire; Amber Coast drought; Housing",
                    "Who crosses borders, why, and how governments respond.", """
                    picture = harbour | field
                    place = Marensk | Vessa
                    subject = the asylum agreement | the resettlement scheme | the border checks plan | the returns deal
                    actor = the interior ministry | the Continental Council | the border agency
                    group = asylum seekers | charities | border officials
                    fact = Arrivals along the route have roughly doubled in two years, according to figures from the border agency.
                        | Processing times for asylum claims now average more than fourteen months.
                    quote+ = Behind every number is a family that has made an impossible choice | A system that cannot decide is not a system
                    role+ = a caseworker at a refugee charity | a former border agency official
                    """),
            topic("Continental trade pact", "world-news business", "Kessel Strait dispute; Inflation; Retail",
                    "The long negotiation over tariffs, quotas and standards between the Continental bloc and its partners.", """
                    picture = harbour | skyline | markets
                    place = Estrany
                    subject = the Continental trade pact | the tariff agreement | the customs arrangement | the steel quota deal
                    actor = the Continental Council | Estrany’s trade ministry | the chief trade negotiator
                    group = exporters | steelworkers | small manufacturers
                    fact = The pact would cover goods worth more than £90 billion a year.
                        | Negotiations began four years ago and have stalled twice over agricultural standards.
                    quote+ = A trade deal is only as good as the paperwork behind it | Our customers will not wait for the politicians
                    role+ = a customs broker in Port Ellery | a trade economist at Marlow Economics
                    """),
            topic("United Assembly", "world-news", "Valdoria ceasefire; Northmere elections; Defence",
                    "The United Assembly in Halvard: its resolutions, missions and money.", """
                    picture = skyline | parliament
                    place = Halvard
                    subject = the peacekeeping mandate | the Assembly resolution | the reform of the security council | the budget settlement
                    actor = the United Assembly | the Assembly’s secretary-general | the security council
                    group = member states | smaller nations | peacekeepers
                    fact = The United Assembly was founded in Halvard after the Second Continental War and now has 141 members.
                        | Its budget has been frozen in real terms for almost a decade.
                    quote+ = The Assembly is only as strong as its members allow it to be
                    role+ = a former Assembly envoy | a diplomat at the Halvard headquarters
                    """),
            topic("Harbour Bridge inquiry", "uk-news politics", "Rail strikes; Local government; Budget",
                    "The public inquiry into the closure of Port Ellery’s Harbour Bridge, and the fight over what replaces it.", """
                    picture = harbour
                    place = Port Ellery
                    subject = the Harbour Bridge inquiry | the bridge repair bill | the bridge closure | the new crossing plan
                    actor = the port authority | the inquiry panel | Port Ellery council
                    group = commuters | ferry workers | harbour traders
                    fact = The bridge, which opened in 1931, carried around 40,000 vehicles a day before weight limits were imposed.
                        | Engineers first raised concerns about corrosion in the main cables eleven years ago.
                    quote+ = The bridge was never meant to carry this much | Somebody knew, and somebody decided not to act
                    role+ = the port authority’s director | a structural engineer who gave evidence to the inquiry | the inquiry’s chairman
                    """),
            topic("Rail strikes", "uk-news business", "Harbour Bridge inquiry; Inflation; Devolution",
                    "Pay, timetables and walkouts on Northwind Rail.", """
                    picture = skyline | field
                    place = Westhaven | Kingsmoor
                    subject = the rail strike | the timetable overhaul | the signalling upgrade | the pay offer to drivers
                    actor = Northwind Rail | the train drivers’ union | the rail regulator
                    group = commuters | train drivers | station staff
                    fact = Northwind Rail runs about 1,400 services a day across the region.
                        | The last pay settlement for drivers was agreed three years ago.
                    quote+ = Nobody goes on strike lightly | Passengers have been patient, but patience has limits
                    role+ = the general secretary of the train drivers’ union | a commuter who travels from Kingsmoor every day
                    """),
            topic("Health service", "uk-news politics", "Budget; Local government; Medical research",
                    "Hospitals, waiting lists and the people who work in them.", """
                    picture = skyline
                    place = Carrow Vale | Dunmere
                    subject = the waiting list target | the hospital rebuilding programme | the GP contract | the winter plan for A&E
                    actor = the Health Secretary | the regional health board | Carrow Vale General Hospital
                    group = nurses | patients | junior doctors
                    fact = More than 60,000 people in the region have waited over a year for planned treatment.
                        | The hospital’s main building was designed to last thirty years and is now in its fifty-fifth.
                    quote+ = The staff are extraordinary. The building is not | Patients should not have to wait in pain
                    role+ = a consultant at Carrow Vale General Hospital | a nurse with twenty years on the wards
                    """),
            topic("Housing", "uk-news politics business", "Interest rates; Local government; Devolution; Flooding",
                    "How many homes are built, where, and who can afford them.", """
                    picture = skyline | field
                    place = Ashby Reach | Saltmarsh
                    subject = the affordable homes scheme | the housing target | the planning reform bill | the new town proposal
                    actor = the Housing Secretary | Aldermoor Homes | the planning inspectorate
                    group = first-time buyers | renters | parish councils
                    fact = House prices in the region have risen to more than nine times average earnings.
                        | Fewer than half of the homes promised under the last scheme were ever built.
                    quote+ = Everyone agrees we need more homes, until they are built next door
                    role+ = a housing campaigner in {place} | the chief executive of a housing association
                    """),
            topic("Policing", "uk-news", "Local government; Budget; Retail",
                    "Crime, police numbers and how the county is kept safe.", """
                    picture = skyline
                    place = Kingsmoor | Westhaven
                    subject = the neighbourhood policing plan | the force’s budget | the knife crime strategy | the review of stop and search
                    actor = the chief constable | the police and crime commissioner | the Home Secretary
                    group = officers | residents | shopkeepers
                    fact = The force has lost almost 400 officers in a decade, according to its own figures.
                        | Recorded shoplifting in the county rose by a quarter last year.
                    quote+ = People want to see officers on the street, not just hear about them
                    role+ = the chairman of the local police federation | a detective inspector based in {place}
                    """),
            topic("Schools", "uk-news politics", "Budget; Local government; Artificial intelligence",
                    "Classrooms, exams, school buildings and the teachers who keep them going.", """
                    picture = skyline | field
                    place = Dunmere | Carrow Vale
                    subject = the exam grading review | the school repairs programme | the teacher recruitment drive | the free breakfast scheme
                    actor = the Education Secretary | the exams regulator | the county council
                    group = parents | head teachers | pupils
                    fact = One in five schools in the county has at least one building rated in poor condition.
                        | Applications for teacher training fell short of the target for the fourth year running.
                    quote+ = Children only get one chance at this
                    role+ = the head teacher of a secondary school in {place} | the chairman of the parents’ association
                    """),
            topic("Flooding", "uk-news science", "Climate change; Housing; Local government",
                    "Rivers, storms and the defences built against them.", """
                    picture = field | harbour
                    place = Carrow Vale | Saltmarsh
                    subject = the flood defence scheme | the river dredging plan | the insurance scheme for flooded homes | the storm recovery fund
                    actor = the Rivers Agency | the county council | Brightwater Utilities
                    group = homeowners | farmers | volunteers
                    fact = The river has burst its banks three times in the last five winters.
                        | About 2,000 homes in the valley are classed as being at high risk of flooding.
                    quote+ = The water came up through the floorboards in twenty minutes
                    role+ = a flood warden in {place} | an engineer with the Rivers Agency
                    """),
            topic("Budget", "politics business", "Interest rates; Inflation; Health service; Energy bills",
                    "Taxes, spending and the Chancellor’s sums.", """
                    picture = parliament | markets | skyline
                    place = Westminster
                    subject = the spring Budget | the fuel duty freeze | the spending review | the childcare pledge
                    actor = the Chancellor | the Treasury | the Office for Budget Scrutiny
                    group = taxpayers | small businesses | pensioners
                    fact = Borrowing in the first half of the financial year was higher than forecast.
                        | The Treasury has ruled out changes to the main rates of income tax.
                    quote+ = Every pound has to be found from somewhere | This is a Budget for the long term
                    """),
            topic("General election", "politics", "Budget; Parliament; Local government",
                    "The campaign, the polls and the promises.", """
                    picture = parliament | skyline
                    place = Westminster | the marginal seats
                    subject = the election campaign | the manifesto launch | the televised debate | the candidate selection row
                    actor = the Prime Minister | the Leader of the Opposition | the Electoral Commission
                    group = undecided voters | party members | first-time voters
                    fact = Polls suggest that around one in four voters has yet to decide.
                        | The last election was won on the lowest share of the vote for a governing party in decades.
                    quote+ = Elections are won in the last fortnight | Voters are not fools, and they do not like being treated as if they were
                    """),
            topic("Devolution", "politics uk-news", "Local government; Rail strikes; General election",
                    "Powers and money moving from Westminster to the regions.", """
                    picture = skyline | parliament
                    place = Carrow Vale | Kingsmoor
                    subject = the devolution deal | the regional mayor’s budget | the transport powers bill
                    actor = the regional mayor | the Communities Secretary | the combined authority
                    group = council leaders | local businesses | commuters
                    fact = The combined authority covers nearly three million people across eleven councils.
                        | The region has had four different funding arrangements in ten years.
                    quote+ = Decisions about this region should be made in this region
                    """),
            topic("Defence", "politics world-news", "Kessel Strait dispute; Budget; United Assembly",
                    "Ships, bases, budgets and the armed forces.", """
                    picture = harbour | parliament
                    place = Port Ellery | Carrow
                    subject = the frigate programme | the defence review | the reserve forces plan | the new air base
                    actor = the Defence Secretary | the Ministry of Defence | the Commons defence committee
                    group = service families | shipyard workers | veterans
                    fact = The fleet has shrunk by a third in twenty years.
                        | The shipyard at Port Ellery employs around 3,000 people.
                    quote+ = Security is not something you can buy in a hurry
                    """),
            topic("Local government", "politics uk-news", "Devolution; Housing; Schools",
                    "Councils, council tax and the services they pay for.", """
                    picture = skyline | field
                    place = Kingsmoor | Ashby Reach
                    subject = the council tax rise | the bin collection shake-up | the library closure plan | the local election result
                    actor = the county council | Kingsmoor borough council | the local government minister
                    group = residents | councillors | volunteers
                    fact = The county council has cut its spending by a third in real terms over fifteen years.
                        | Turnout at the last local elections was 31 per cent.
                    quote+ = Councils are being asked to do more with less, year after year
                    """),
            topic("Parliament", "politics", "General election; Budget; Devolution",
                    "How Parliament works, and how it polices itself.", """
                    picture = parliament
                    place = Westminster | the Commons
                    subject = the standards inquiry | the second chamber reform | the lobbying rulebook | the register of interests
                    actor = the Speaker | the standards committee | the Leader of the House
                    group = MPs | peers | campaigners
                    fact = The standards committee has received more complaints this year than in the previous three combined.
                        | The rules on outside interests were last rewritten more than a decade ago.
                    quote+ = Parliament works only if people believe it plays by its own rules
                    """));
}
