//! The searchable fields of a talk. The search index records which field each word occurs
//! in, so the codes here are part of the embedded data's format.

/// Where a word occurs. Ordered from most to least telling for ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title = 0,
    Speaker = 1,
    Tag = 2,
    /// Affiliations as written plus the institutions they name.
    Affiliation = 3,
    Abstract = 4,
    Bio = 5,
}

impl Field {
    pub const ALL: [Field; 6] =
        [Field::Title, Field::Speaker, Field::Tag, Field::Affiliation, Field::Abstract, Field::Bio];
    /// The search index packs a word's position and its field into one `u32`:
    /// `position << BITS | field` (see [`Field::pack`]).
    pub const BITS: u32 = 3;

    pub fn code(self) -> u32 {
        self as u32
    }

    pub fn from_code(code: u32) -> Field {
        Field::ALL[code as usize]
    }

    /// A position in this field, packed as the search index stores it.
    pub fn pack(self, position: u32) -> u32 {
        position << Field::BITS | self.code()
    }

    /// The position and the field of a packed position.
    pub fn unpack(packed: u32) -> (u32, Field) {
        (packed >> Field::BITS, Field::from_code(packed & ((1 << Field::BITS) - 1)))
    }

    /// Ranking weight: a match in the title counts most, one in the bio least.
    pub fn weight(self) -> u32 {
        match self {
            Field::Title => 32,
            Field::Speaker => 16,
            Field::Tag => 8,
            Field::Affiliation => 4,
            Field::Abstract => 2,
            Field::Bio => 1,
        }
    }
}
