/** Word lists behind fixtures.ts: names, company parts, places and titles. */

export const FIRST_NAMES = [
	'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
	'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen',
	'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Priya', 'Emily',
	'Steven', 'Michelle', 'Andrew', 'Amanda', 'Kenji', 'Melissa', 'Joshua', 'Deborah', 'Kevin', 'Stephanie',
	'Brian', 'Rebecca', 'George', 'Laura', 'Timothy', 'Sharon', 'Ahmed', 'Cynthia', 'Jason', 'Kathleen',
	'Wei', 'Amy', 'Ryan', 'Angela', 'Jacob', 'Shirley', 'Gary', 'Anna', 'Nicholas', 'Brenda',
	'José', 'Zoë', 'Fatima', 'Olusegun', 'Ingrid', 'Mateo', 'Aisha', 'Liam', 'Chloé', 'Raj',
] as const;

export const LAST_NAMES = [
	'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
	'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
	'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
	'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
	'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
	"O'Brien", 'Müller', 'Kowalski', 'Patel', 'Tanaka', 'Okafor', 'Svensson', 'Dubois', 'Rossi', 'Van der Berg',
] as const;

export const COMPANY_PREFIXES = [
	'Blue', 'North', 'Apex', 'Cedar', 'Silver', 'Summit', 'Harbor', 'Granite', 'Maple', 'Quantum',
	'Vertex', 'Nimbus', 'Crimson', 'Evergreen', 'Ironwood', 'Lumen', 'Orbit', 'Pioneer', 'Redwood', 'Sterling',
	'Atlas', 'Beacon', 'Cobalt', 'Delta', 'Echo', 'Falcon', 'Golden', 'Horizon', 'Juniper', 'Keystone',
	'Liberty', 'Meridian', 'Nova', 'Oakridge', 'Pinnacle', 'Riverbend', 'Sapphire', 'Tidewater', 'Union', 'Willow',
] as const;

/** Company name suffix -> industry. */
export const COMPANY_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
	['Logistics', 'Transportation & Logistics'], ['Labs', 'Research'], ['Systems', 'Information Technology'],
	['Health', 'Hospital & Health Care'], ['Analytics', 'Computer Software'], ['Capital', 'Financial Services'],
	['Foods', 'Food & Beverages'], ['Software', 'Computer Software'], ['Robotics', 'Machinery'],
	['Energy', 'Renewables & Environment'], ['Media', 'Marketing & Advertising'], ['Networks', 'Telecommunications'],
	['Dynamics', 'Industrial Automation'], ['Partners', 'Management Consulting'], ['Manufacturing', 'Manufacturing'],
	['Security', 'Computer & Network Security'], ['Cloud', 'Information Technology'], ['Consulting', 'Management Consulting'],
	['Bio', 'Biotechnology'], ['Retail', 'Retail'], ['Payments', 'Financial Services'], ['Learning', 'E-Learning'],
	['Mobility', 'Automotive'], ['Insurance', 'Insurance'], ['Realty', 'Real Estate'], ['Telecom', 'Telecommunications'],
	['Marine', 'Maritime'], ['Aerospace', 'Aviation & Aerospace'], ['Studios', 'Entertainment'], ['Solutions', 'IT Services'],
];

export const TLDS = ['.com', '.com', '.com', '.io', '.co', '.net'] as const;

/** [city, state or region, country, phone country code, area code] */
export const PLACES: ReadonlyArray<readonly [string, string, string, string, string]> = [
	['San Francisco', 'California', 'United States', '1', '415'],
	['New York', 'New York', 'United States', '1', '212'],
	['Austin', 'Texas', 'United States', '1', '512'],
	['Chicago', 'Illinois', 'United States', '1', '312'],
	['Seattle', 'Washington', 'United States', '1', '206'],
	['Boston', 'Massachusetts', 'United States', '1', '617'],
	['Denver', 'Colorado', 'United States', '1', '303'],
	['Atlanta', 'Georgia', 'United States', '1', '404'],
	['Miami', 'Florida', 'United States', '1', '305'],
	['Los Angeles', 'California', 'United States', '1', '213'],
	['Toronto', 'Ontario', 'Canada', '1', '416'],
	['Vancouver', 'British Columbia', 'Canada', '1', '604'],
	['London', 'England', 'United Kingdom', '44', '20'],
	['Manchester', 'England', 'United Kingdom', '44', '161'],
	['Berlin', 'Berlin', 'Germany', '49', '30'],
	['Munich', 'Bavaria', 'Germany', '49', '89'],
	['Sydney', 'New South Wales', 'Australia', '61', '2'],
	['Dublin', 'Leinster', 'Ireland', '353', '1'],
];

export const SENIORITIES = ['owner', 'founder', 'c_suite', 'vp', 'director', 'manager', 'senior', 'entry'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Relative frequency of each seniority among staff. */
export const SENIORITY_WEIGHTS: Record<Seniority, number> = {
	owner: 1, founder: 2, c_suite: 5, vp: 7, director: 12, manager: 18, senior: 25, entry: 30,
};

export const DEPARTMENTS = [
	'executive', 'sales', 'marketing', 'engineering', 'finance', 'human_resources', 'operations', 'it', 'support', 'legal',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABEL: Record<Department, string> = {
	executive: 'Strategy', sales: 'Sales', marketing: 'Marketing', engineering: 'Engineering', finance: 'Finance',
	human_resources: 'People', operations: 'Operations', it: 'IT', support: 'Customer Success', legal: 'Legal',
};

const C_SUITE_TITLE: Record<Department, string> = {
	executive: 'Chief Executive Officer', sales: 'Chief Revenue Officer', marketing: 'Chief Marketing Officer',
	engineering: 'Chief Technology Officer', finance: 'Chief Financial Officer', human_resources: 'Chief People Officer',
	operations: 'Chief Operating Officer', it: 'Chief Information Officer', support: 'Chief Customer Officer', legal: 'General Counsel',
};

const SENIOR_TITLE: Record<Department, string> = {
	executive: 'Chief of Staff', sales: 'Senior Account Executive', marketing: 'Senior Marketing Specialist',
	engineering: 'Senior Software Engineer', finance: 'Senior Accountant', human_resources: 'Senior HR Generalist',
	operations: 'Senior Operations Analyst', it: 'Senior Systems Administrator', support: 'Senior Support Engineer', legal: 'Senior Counsel',
};

const ENTRY_TITLE: Record<Department, string> = {
	executive: 'Executive Assistant', sales: 'Sales Development Representative', marketing: 'Marketing Coordinator',
	engineering: 'Software Engineer', finance: 'Accountant', human_resources: 'Recruiter', operations: 'Operations Associate',
	it: 'IT Support Specialist', support: 'Customer Support Representative', legal: 'Paralegal',
};

export function titleFor(seniority: Seniority, department: Department): string {
	const label = DEPARTMENT_LABEL[department];
	switch (seniority) {
		case 'owner':
			return 'Owner';
		case 'founder':
			return department === 'engineering' ? 'Co-Founder & CTO' : 'Founder & CEO';
		case 'c_suite':
			return C_SUITE_TITLE[department];
		case 'vp':
			return `VP of ${label}`;
		case 'director':
			return `Director of ${label}`;
		case 'manager':
			return `${label} Manager`;
		case 'senior':
			return SENIOR_TITLE[department];
		case 'entry':
			return ENTRY_TITLE[department];
	}
}
