"""The kg vocabulary as a DefinedNamespace: a misspelt term raises AttributeError.

Kept in step with ontology/kg.ttl by tests/test_vocab.py; regenerate with
``python tools/generate_vocab.py vocab > kg/vocab.py`` after editing the ontology.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology/kg"


class KG(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Agent: URIRef
    Person: URIRef
    UnnamedOfficeHolder: URIRef
    Country: URIRef
    Organization: URIRef
    Delegation: URIRef
    Government: URIRef
    Ministry: URIRef
    ArmedGroup: URIRef
    MediaOutlet: URIRef
    InternationalOrganization: URIRef
    PoliticalParty: URIRef
    Place: URIRef
    Role: URIRef
    RoleHolding: URIRef
    Event: URIRef
    Meeting: URIRef
    Talks: URIRef
    PhoneCall: URIRef
    Visit: URIRef
    Mediation: URIRef
    Statement: URIRef
    DisputeFrame: URIRef
    Document: URIRef
    SourceDocument: URIRef
    Mention: URIRef
    ExtractionRun: URIRef
    IdentityLink: URIRef

    # event participation
    participant: URIRef
    mediator: URIRef
    party: URIRef
    host: URIRef
    visitor: URIRef
    speaker: URIRef
    reportedBy: URIRef
    concerns: URIRef
    location: URIRef
    date: URIRef
    dateText: URIRef
    status: URIRef
    cameoCode: URIRef
    mediationKind: URIRef
    stated: URIRef
    inferenceReason: URIRef
    partiesUnnamed: URIRef
    content: URIRef
    partiesFrom: URIRef

    # dispute frames
    side: URIRef
    frameKind: URIRef
    frameConstruction: URIRef
    salience: URIRef

    # roles and affiliation
    heldBy: URIRef
    role: URIRef
    ofCountry: URIRef
    inOrganization: URIRef
    holdingOf: URIRef
    ofPerson: URIRef
    qualifier: URIRef
    actsFor: URIRef
    locatedIn: URIRef

    # identifiers
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef
    nameKey: URIRef
    wikidata: URIRef

    # provenance
    evidence: URIRef
    source: URIRef
    begin: URIRef
    end: URIRef
    quote: URIRef
    sentence: URIRef
    confidence: URIRef
    textHash: URIRef
    copyOf: URIRef
    softwareVersion: URIRef
    modelName: URIRef
    parameter: URIRef

    # merging and source records
    canonical: URIRef
    matchRule: URIRef
    matchEvidence: URIRef
    mergeKey: URIRef
    sourceFile: URIRef
    sourceLine: URIRef
    recordId: URIRef
    cameoActorCode: URIRef
    cameoActorType: URIRef

    # concept schemes and their concepts (value lists)
    StatusScheme: URIRef
    MediationKindScheme: URIRef
    QualifierScheme: URIRef
    StatusPlanned: URIRef
    StatusHeld: URIRef
    StatusOngoing: URIRef
    StatusPostponed: URIRef
    StatusCancelled: URIRef
    StatusRejected: URIRef
    StatusProposed: URIRef
    StatusDenied: URIRef
    MediationKindMediator: URIRef
    MediationKindFacilitator: URIRef
    MediationKindHost: URIRef
    MediationKindBroker: URIRef
    MediationKindConvener: URIRef
    MediationKindIntermediary: URIRef
    QualifierCurrent: URIRef
    QualifierFormer: URIRef
    QualifierActing: URIRef
