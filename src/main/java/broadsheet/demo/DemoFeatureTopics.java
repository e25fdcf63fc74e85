package broadsheet.demo;

import static broadsheet.demo.DemoTopics.topic;

import broadsheet.demo.DemoTopics.Topic;
import java.util.List;

/**
 * The demo's business, culture and science topics. Culture topics name their works, makers and venues,
 * and science topics their findings; the sport topics are in {@link DemoSportTopics}.
 */
final class DemoFeatureTopics {
    private DemoFeatureTopics() {}

    static final List<Topic> LIST = List.of(
            topic("Interest rates", "business politics", "Inflation; Housing; Banking",
                    "What the central bank decides, and what it costs borrowers and savers.", """
                    picture = markets | skyline
                    subject = the interest rate decision | the base rate | the bank’s forward guidance | the mortgage market
                    actor = the central bank | the rate-setting committee | the central bank’s governor
                    group = mortgage holders | savers | borrowers
                    fact = The base rate has been held at 4.25 per cent for three consecutive meetings.
                        | Around 1.5 million fixed-rate mortgages are due to end over the next year.
                    quote+ = The job is not done until inflation is back at target and stays there
                    """),
            topic("Inflation", "business politics", "Interest rates; Energy bills; Retail",
                    "Prices, wages and the cost of living.", """
                    picture = markets | skyline
                    subject = the inflation figure | the food price surge | the cost of living payment | the price cap on staples
                    actor = the statistics office | the Chancellor | Lumen Foods
                    group = shoppers | pensioners | families
                    fact = Food prices rose 6.1 per cent in the year to last month.
                        | Wages have grown faster than prices for eight months in a row.
                    quote+ = People notice the price of bread long before they notice the official figures
                    """),
            topic("Energy bills", "business politics uk-news", "Inflation; Climate change; Budget",
                    "Gas, electricity and what households pay for them.", """
                    picture = field | markets | skyline
                    subject = the energy price cap | the offshore wind auction | the gas storage plan | the home insulation scheme
                    actor = Calder Energy | the energy regulator | the Energy Secretary
                    group = households | energy suppliers | pensioners
                    fact = A typical household bill is still around a third higher than it was five years ago.
                        | Calder Energy supplies gas and electricity to about four million homes.
                    quote+ = The cheapest energy is the energy we do not use
                    """),
            topic("Banking", "business", "Interest rates; Technology; Retail",
                    "Banks, their branches, their profits and their customers.", """
                    picture = skyline | markets
                    subject = the bank’s annual report | the branch closure programme | the bonus pool | the merger proposal
                    actor = Harrowgate Bank | the banking regulator | the Treasury committee
                    group = customers | shareholders | bank staff
                    fact = Harrowgate Bank has closed 140 branches in three years.
                        | Profits across the sector rose on the back of higher interest rates.
                    quote+ = A bank is a promise, and customers have long memories
                    """),
            topic("Retail", "business uk-news", "Inflation; Technology; Banking",
                    "Shops, shoppers and the changing high street.", """
                    picture = skyline | markets
                    subject = the high street rescue plan | Christmas trading | the business rates review | the department store sale
                    actor = Lumen Foods | the Retailers’ Forum | Ferrers & Co
                    group = shoppers | shop workers | independent retailers
                    fact = One in seven shops on the region’s high streets is empty.
                        | Online sales now account for nearly a third of all non-food spending.
                    quote+ = A high street is more than a row of shops
                    """),
            topic("Technology", "business science", "Artificial intelligence; Banking; Retail",
                    "Chips, networks, data centres and the companies that build them.", """
                    picture = skyline | laboratory | markets
                    subject = the chip plant | the broadband roll-out | the data centre plan | the online safety code
                    actor = Stellan Digital | the technology regulator | the Science Secretary
                    group = engineers | start-ups | rural communities
                    fact = The chip plant would be the largest single investment in the region for a generation.
                        | About one in ten rural homes still cannot get a reliable broadband connection.
                    quote+ = The technology is ready. The question is whether the rules are
                    finding = recycled glass could make solar cells cheaper | waste heat from data centres could warm whole streets
                    """),
            topic("Theatre", "culture", "Arts funding",
                    "New plays, revivals and the stages that put them on.", """
                    picture = stage
                    review = {work}, {venue}, review: {verdict*} | {venue^} {cact*} {subject^}
                    work = The Salt Road | A House on Ferry Lane | The Quiet Assessor | Winter at Marrow Point | The Lamplighters | Low Tide Hymn
                    creator = Oriane Delacourt | Hal Brennick | Fenna Oakes | Edvard Lisle
                    venue = the Marlowe Playhouse | the Harbour Theatre | the Vale Rooms | the Kingsmoor Lyceum
                    form = play
                    audience = the audience
                    craft = ensemble playing
                    premise = A retired ferry captain returns to the island where his brother drowned and finds the village unwilling to talk.
                        | Three sisters meet to divide their mother’s house and discover she has already sold it.
                        | A night-shift cleaner in a government office begins reading the papers she is paid to shred.
                    subject = the new season | the touring programme | the building’s restoration
                    actor = the Marlowe Playhouse | the Arts Board | the Kingsmoor Lyceum
                    group = theatregoers | actors | touring companies
                    place = Carrow | Port Ellery
                    fact = Audiences at regional theatres are back above their level of five years ago.
                    close = {work} is at {venue} until the end of next month.
                    """),
            topic("Books", "culture", "Arts funding",
                    "New fiction and non-fiction, and the people who write it.", """
                    picture = abstract
                    review = {work} by {creator}, review: {verdict*} | {work} review: {verdict*}
                    work = The Cartographer’s Widow | Small Hours in Dunmere | An Inventory of Weather | The Ferryman’s Ledger
                        | What the Tide Keeps | Glass Orchard
                    creator = Maren Holt | Anselm Kerrow | Rhiannon Peverell | Casimir Wray
                    form = novel
                    audience = the reader
                    craft = prose
                    premise = A mapmaker’s widow finishes his last atlas and finds places in it that do not exist.
                        | Over one long night in a seaside town, five strangers wait for news of the same missing boat.
                        | A weather forecaster keeps a private diary of every forecast she got wrong.
                    subject = the Harbour Prize shortlist | the library book fund | the new festival programme
                    actor = the Harbour Prize jury | Ferrow & Lane | the Carrow Book Festival
                    group = readers | booksellers | debut authors
                    place = Carrow | Dunmere
                    fact = Sales of literary fiction rose last year for the first time in a decade.
                    close = {work} is published by Ferrow & Lane at £{price*}. | {work} is out now in hardback.
                    price = 16.99 | 18.99 | 20
                    """),
            topic("Art", "culture", "Arts funding",
                    "Exhibitions, galleries and the artists who fill them.", """
                    picture = abstract
                    review = {work}, {venue}, review: {verdict*} | {venue^} {cact*} {subject^}
                    work = Light on Water | Iron and Salt | The Unfinished Portrait | Northern Prints | A Century of Harbours
                    creator = Ivo Renshaw | Saskia Alderton | Dalia Voss | Bram Kettering
                    venue = the Carrow Gallery | the Harbour Arts Centre | the Vale Gallery
                    form = exhibition
                    audience = the room
                    craft = hang
                    premise = Some sixty works, many never shown in public before, trace a single stretch of coastline over a hundred years.
                        | The show gathers everything the artist made in one feverish decade, including the sketchbooks.
                    subject = the new wing | the free admission policy | the acquisitions budget
                    actor = the Carrow Gallery | the Arts Board | the Vale Gallery
                    group = visitors | artists | curators
                    place = Carrow | Westhaven
                    fact = Visitor numbers at the region’s galleries rose by a fifth last year.
                    close = {work} is at {venue} until the spring.
                    """),
            topic("Film", "culture", "Arts funding",
                    "New releases, festivals and film-makers.", """
                    picture = abstract | stage
                    work = The Long Crossing | Harbour Lights | A Summer in Vessa | The Understudy | Cold Frame
                    creator = Elif Sandor | Tomasz Bray | Noor Halloran | Jonah Tiverton
                    form = film
                    audience = the cinema
                    craft = cinematography
                    premise = A customs officer on a night ferry begins to suspect the passenger in cabin nine is not who she says she is.
                        | Two estranged brothers drive across the country to scatter their father’s ashes, and argue the whole way.
                    subject = the film festival programme | the studio expansion | the independent cinemas fund
                    actor = the Carrow Film Festival | the film board | Harbour Lane Studios
                    group = cinemagoers | independent cinemas | young film-makers
                    place = Carrow | Westhaven
                    fact = Cinema admissions have recovered to within a tenth of their pre-pandemic level.
                    close = {work} is in cinemas from {weekday}.
                    """),
            topic("Music", "culture", "Arts funding",
                    "Albums, concerts and the people who make them.", """
                    picture = stage
                    review = {creator}, {venue}, review: {verdict*} | {work} review: {verdict*}
                    work = Salt and Static | Lanterns | The Kingsmoor Sessions | Nightwater | Signal Fires
                    creator = Yara Bellweather | Lior Cassel | Emrys Fairlie | Ilse Morrow
                    venue = the Harbour Hall | the Vale Arena | the Marlowe Rooms
                    form = album
                    audience = the hall
                    craft = arrangement
                    premise = Recorded in a disused chapel over a single winter, it is built around voice, piano and very little else.
                        | Its ten songs move from folk to something harder and stranger, and the joins barely show.
                    subject = the festival line-up | the new concert series | the venue rescue fund
                    actor = the Harbour Hall | the music venues’ trust | the Kingsmoor Folk Festival
                    group = fans | grassroots venues | session musicians
                    place = Carrow | Kingsmoor
                    fact = Two small music venues a month closed across the region last year.
                    close = {work} is out now. | {creator} tours from next month.
                    """),
            topic("Arts funding", "politics uk-news culture", "Theatre; Art; Local government; Budget",
                    "Public money for the arts and the arguments over how it is shared.", """
                    picture = stage | abstract
                    place = Carrow | Port Ellery
                    subject = the arts funding settlement | the regional touring fund | the museum charging plan
                    actor = the Arts Board | the Culture Secretary | the county council
                    group = theatres | museums | artists
                    fact = Public funding for the arts outside the capital has fallen by a quarter in real terms in a decade.
                    quote+ = A town without a theatre is a poorer place, in every sense
                    """),
            topic("Climate change", "science world-news politics", "Amber Coast drought; Flooding; Energy bills; Oceans",
                    "The warming climate, what it is doing and what is being done about it.", """
                    picture = mountains | field
                    place = Halden | Corvana
                    subject = the emissions target | the carbon budget | the glacier survey | the heat action plan
                    actor = the climate committee | the environment ministry | the Halden Institute
                    group = climate scientists | campaigners | farmers
                    finding = glaciers in the Halden range are retreating twice as fast as thought
                        | last summer was the warmest on record across the region | peat bogs store more carbon than surveys suggested
                    data = more than 40,000 measurements | satellite images | ice cores from four glaciers
                    lab = the Halden Institute | Carrow University
                    fact = Average temperatures in the region are now 1.4C above their pre-industrial level.
                        | The Halden glaciers have lost a third of their volume since 1990.
                    """),
            topic("Space", "science", "Technology; Artificial intelligence",
                    "Telescopes, launches and what they find.", """
                    picture = mountains | laboratory
                    place = Kessel Point | Halvard
                    subject = the lunar lander mission | the new telescope | the satellite launch
                    actor = the Continental Space Agency | the National Observatory | the mission team
                    group = astronomers | engineers | amateur stargazers
                    finding = a distant dwarf planet has a faint ring | a star dims every 19 days for reasons nobody can explain
                        | the oldest galaxy cluster yet seen formed earlier than thought
                    data = images from two telescopes | twelve years of observations
                    lab = the National Observatory at Kessel Point | Carrow University
                    fact = The telescope’s main mirror took four years to grind and polish.
                    """),
            topic("Artificial intelligence", "science business", "Technology; Schools; Medical research",
                    "What the new AI systems can do, what they cannot, and who decides.", """
                    picture = laboratory | skyline
                    place = Carrow | Halvard
                    subject = the AI safety code | the chatbot trial in GP surgeries | the computing investment
                    actor = the technology regulator | Stellan Digital | the AI institute at Carrow University
                    group = researchers | software engineers | teachers
                    finding = language models can be misled by a single misplaced word | an algorithm spots hairline fractures doctors miss
                    data = millions of test questions | scans from eleven hospitals
                    lab = the AI institute at Carrow University | the Halden Institute
                    fact = Half of the region’s large employers say they are already using AI tools in some form.
                    """),
            topic("Medical research", "science uk-news", "Health service; Artificial intelligence",
                    "Trials, treatments and the science of staying well.", """
                    picture = laboratory
                    place = Carrow Vale | Carrow
                    subject = the dementia trial | the new antibiotic | the screening programme
                    actor = the Medical Research Board | Carrow Vale General Hospital | the medicines regulator
                    group = patients | GPs | researchers
                    finding = a common blood pressure drug may slow memory loss | a blood test may detect some cancers earlier
                        | regular walking may speed recovery after a stroke
                    data = records from eleven hospitals | blood samples from 3,000 volunteers
                    lab = Carrow University’s medical school | Carrow Vale General Hospital
                    fact = The trial recruited more than 3,000 volunteers over four years.
                    """),
            topic("Oceans", "science world-news", "Climate change; Kessel Strait dispute",
                    "The seas, what lives in them and how they are changing.", """
                    picture = harbour
                    place = Vessa | Corvana
                    subject = the marine protected area | the seagrass restoration | the deep-sea mining moratorium
                    actor = the Northmere Marine Station | the fisheries ministry | the Strait Authority
                    group = fishermen | marine biologists | divers
                    finding = seagrass meadows are recovering faster than expected off the Amber Coast
                        | a new species of lanternfish lives in the Kessel trench | microplastics turn up in nine in ten sampled mussels
                    data = samples from 200 sites | sonar surveys of the strait
                    lab = the Northmere Marine Station
                    fact = Sea surface temperatures in the strait were the highest on record last August.
                    """));
}
