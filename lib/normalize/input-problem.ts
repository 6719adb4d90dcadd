/** A bad input, named by field so the user can find it in the item. */
export interface InputProblem {
	field: string;
	message: string;
}
